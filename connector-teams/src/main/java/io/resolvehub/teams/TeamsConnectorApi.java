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
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.resolvehub.core.channel.ChannelException;
import okhttp3.Response;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Every outbound Bot Connector call goes through here, made with the SDK's own REST client: Resilience4j retry for
 * retriable failures (waiting a 429's {@code Retry-After} when it is short, otherwise handing it to the pipeline) and
 * a per-conversation rate limiter for sends. The SDK's built-in retry is switched off: it ignores {@code Retry-After}
 * and would hide a 429 from the pipeline.
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
    private final Retry retry;
    private final RateLimiterRegistry sendLimits;
    private final Map<String, ConnectorClient> clients = new ConcurrentHashMap<>();

    TeamsConnectorApi(TeamsAppCredentials credentials, TeamsProperties properties) {
        this.credentials = credentials;
        this.callTimeout = properties.callTimeout();
        Duration maxWait = properties.maxRetryWait();
        this.retry = Retry.of("teams-connector", RetryConfig.custom()
                .maxAttempts(properties.retryAttempts())
                .retryOnException(e -> e instanceof ChannelException ce && ce.retriable()
                        && (ce.retryAfter() == null || ce.retryAfter().compareTo(maxWait) <= 0))
                .intervalBiFunction((IntervalBiFunction<Object>) (attempt, outcome) -> waitBefore(attempt, outcome.isLeft() ? outcome.getLeft() : null))
                .build());
        long periodNanos = Math.max(1, Math.round(1_000_000_000d / properties.sendsPerSecondPerConversation()));
        this.sendLimits = RateLimiterRegistry.of(RateLimiterConfig.custom()
                .limitForPeriod(1)
                .limitRefreshPeriod(Duration.ofNanos(periodNanos))
                .timeoutDuration(Duration.ofSeconds(30))
                .build());
    }

    /** {@code POST {serviceUrl}v3/conversations/{conversationId}/activities/{activityId}}: a reply in the same chain. */
    ResourceResponse reply(String serviceUrl, String conversationId, String activityId, Activity activity) {
        return paced(conversationId, "reply", serviceUrl,
                client -> client.getConversations().replyToActivity(conversationId, activityId, activity).join());
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
        RateLimiter limiter = sendLimits.rateLimiter(conversationId);
        return call(what, serviceUrl, client -> {
            try {
                RateLimiter.waitForPermission(limiter);
            } catch (RequestNotPermitted e) {
                throw ChannelException.retriable("Teams " + what + ": conversation is over its sending budget", Duration.ofSeconds(1), e);
            }
            return call.apply(client);
        });
    }

    private <T> T call(String what, String serviceUrl, Function<ConnectorClient, T> call) {
        ConnectorClient client = client(serviceUrl);
        return Retry.decorateSupplier(retry, () -> {
            try {
                return call.apply(client);
            } catch (RuntimeException e) {
                throw TeamsErrorMapper.fromException("Teams " + what, e);
            }
        }).get();
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

    private static long waitBefore(int attempt, Throwable failure) {
        if (failure instanceof ChannelException ce && ce.retryAfter() != null) {
            return ce.retryAfter().toMillis();
        }
        return Math.min(4000, 250L << Math.min(attempt - 1, 4)); // 250 ms, 500 ms, 1 s, … for 5xx and I/O errors
    }
}
