package io.resolvehub.teams;

import com.microsoft.bot.connector.ConnectorClient;
import com.microsoft.bot.connector.rest.RestConnectorClient;
import com.microsoft.bot.restclient.RestClient;
import com.microsoft.bot.restclient.ServiceResponseBuilder;
import com.microsoft.bot.restclient.retry.RetryStrategy;
import com.microsoft.bot.restclient.serializer.JacksonAdapter;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ResourceResponse;
import io.resolvehub.core.channel.ChannelException;
import io.resolvehub.core.channel.PlatformCalls;
import okhttp3.Response;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Every outbound Bot Connector call goes through here, made with the SDK's own REST client, on core's
 * {@link PlatformCalls} (retry honouring a 429's {@code Retry-After} when it is short, otherwise handing it to the
 * pipeline): Teams' part is mapping its errors and naming its limit, sends paced per conversation. The SDK's built-in
 * retry is switched off: it ignores {@code Retry-After} and would hide a 429 from the pipeline.
 *
 * @see <a href="https://learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit">Teams bot rate limits</a>
 */
final class TeamsConnectorApi {

    private static final RetryStrategy NO_SDK_RETRY = new RetryStrategy("none", false) {
        @Override
        public boolean shouldRetry(int retryCount, Response response) {
            return false;
        }
    };

    private final TeamsAppCredentials credentials;
    private final Duration callTimeout;
    private final PlatformCalls calls;
    private final Map<String, ConnectorClient> clients = new ConcurrentHashMap<>();
    private final String serviceUrl;

    TeamsConnectorApi(TeamsAppCredentials credentials, TeamsProperties properties) {
        this.credentials = credentials;
        this.serviceUrl = properties.serviceUrl();
        this.callTimeout = properties.callTimeout();
        this.calls = new PlatformCalls("Teams", new PlatformCalls.Limits(properties.retryAttempts(),
                Duration.ofMillis(250), properties.maxRetryWait(), properties.sendsPerSecondPerConversation()));
    }

    /** {@code POST {serviceUrl}v3/conversations/{conversationId}/activities/{activityId}}: a reply in the same chain. */
    ResourceResponse reply(String serviceUrl, String conversationId, String activityId, Activity activity) {
        return paced(conversationId, "reply", serviceUrl,
                client -> client.getConversations().replyToActivity(conversationId, activityId, activity).join());
    }

    /** A new message in a conversation the hub is not answering in, through {@code hub.teams.service-url}. */
    ResourceResponse post(String conversationId, Activity activity) {
        return send(serviceUrl, conversationId, activity);
    }

    /** {@code POST {serviceUrl}v3/conversations/{conversationId}/activities}: a new message (e.g. a channel post). */
    ResourceResponse send(String serviceUrl, String conversationId, Activity activity) {
        return paced(conversationId, "send", serviceUrl,
                client -> client.getConversations().sendToConversation(conversationId, activity).join());
    }

    /** The member as Teams describes them (name, email / UPN where the tenant exposes it). */
    ChannelAccount member(String serviceUrl, String conversationId, String userId) {
        return call("member lookup", serviceUrl,
                client -> client.getConversations().getConversationMember(userId, conversationId).join());
    }

    private <T> T paced(String conversationId, String what, String serviceUrl, Function<ConnectorClient, T> call) {
        ConnectorClient client = client(serviceUrl);
        return calls.paced(conversationId, () -> once(what, client, call));
    }

    private <T> T call(String what, String serviceUrl, Function<ConnectorClient, T> call) {
        ConnectorClient client = client(serviceUrl);
        return calls.call(() -> once(what, client, call));
    }

    private static <T> T once(String what, ConnectorClient client, Function<ConnectorClient, T> call) {
        try {
            return call.apply(client);
        } catch (RuntimeException e) {
            throw TeamsErrorMapper.fromException("Teams " + what, e);
        }
    }

    private ConnectorClient client(String serviceUrl) {
        if (serviceUrl == null || serviceUrl.isBlank()) {
            throw ChannelException.permanent("no Teams serviceUrl to send to", null);
        }
        String base = serviceUrl.endsWith("/") ? serviceUrl : serviceUrl + "/";
        return clients.computeIfAbsent(base, url -> new RestConnectorClient(new RestClient.Builder()
                .withBaseUrl(url)
                .withCredentials(credentials)
                .withSerializerAdapter(new JacksonAdapter())
                .withResponseBuilderFactory(new ServiceResponseBuilder.Factory())
                .withRetryStrategy(NO_SDK_RETRY)
                .withReadTimeout(callTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .withConnectionTimeout(callTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .build()));
    }
}
