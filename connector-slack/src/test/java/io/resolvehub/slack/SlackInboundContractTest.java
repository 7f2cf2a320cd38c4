package io.resolvehub.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.app_backend.SlackSignature;
import io.resolvehub.core.ChannelType;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.channel.ChannelSettings;
import io.resolvehub.core.inbound.InboundEndpoint;
import io.resolvehub.core.inbound.InboundRequest;
import io.resolvehub.core.testing.InMemoryChannelAccounts;
import io.resolvehub.core.testing.InboundEndpointContract;
import io.resolvehub.core.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Core's inbound contract for {@code POST /slack/events}: recorded Events API payloads signed like Slack's. */
class SlackInboundContractTest extends InboundEndpointContract {

    private static final AtomicLong eventIds = new AtomicLong();
    private final FakeSlackApi slack = new FakeSlackApi();

    @AfterEach
    void stopSlack() {
        slack.close();
    }

    @Override
    protected InboundEndpoint<?> endpoint() {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(slack.url());
        SlackProperties properties = SlackProperties.defaults(slack.url());
        SlackWebApi api = new SlackWebApi(Slack.getInstance(config), properties);
        InMemoryChannelAccounts accounts = new InMemoryChannelAccounts();
        accounts.save(SlackHub.TENANT, ChannelType.SLACK, SlackHub.TEAM_ID, new ChannelSettings(Map.of(
                SlackConnectorFactory.TEAM_ID, SlackHub.TEAM_ID, SlackConnectorFactory.BOT_TOKEN, SlackHub.BOT_TOKEN)));
        return new SlackEndpoint(new SlackRequests(SlackHub.SIGNING_SECRET), accounts,
                new SlackThreads(JdbcClient.create(TestDatabase.H2.freshDataSource("classpath:db/migration/slack"))), api);
    }

    @Override
    protected ChannelType channel() {
        return ChannelType.SLACK;
    }

    @Override
    protected TenantId tenant() {
        return SlackHub.TENANT;
    }

    private static InboundRequest signed(String body, String secret) {
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        String signature = new SlackSignature.Generator(secret).generate(timestamp, body);
        Map<String, String> headers = Map.of(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP, timestamp,
                SlackSignature.HeaderNames.X_SLACK_SIGNATURE, signature, "Content-Type", "application/json");
        return new InboundRequest("", name -> headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst().orElse(null), body.getBytes(StandardCharsets.UTF_8));
    }

    private static String mention() {
        return SlackHub.sample("events/app_mention.json").replace("Ev0MENTION01", "Ev0CONTRACT" + eventIds.incrementAndGet());
    }

    @Override
    protected InboundRequest authenticMessage() {
        return signed(mention(), SlackHub.SIGNING_SECRET);
    }

    @Override
    protected InboundRequest authenticMessageSaying(String question) {
        return signed(mention().replace("\"text\": \"<@U0HUBBOT> how do I reset my password?\"",
                "\"text\": " + jsonString("<@U0HUBBOT> " + question)), SlackHub.SIGNING_SECRET);
    }

    @Override
    protected InboundRequest forgedMessage() {
        return signed(mention(), "not-the-signing-secret");
    }

    @Override
    protected InboundRequest signedGarbage() {
        return signed("{\"hello\":", SlackHub.SIGNING_SECRET);
    }

    @Override
    protected InboundRequest messageFromAnUnconnectedAccount() {
        return signed(mention().replace(SlackHub.TEAM_ID, "T0STRANGER"), SlackHub.SIGNING_SECRET);
    }

    @Override
    protected InboundRequest deliveryNotForTheHub() {
        return signed(SlackHub.sample("events/message_changed.json"), SlackHub.SIGNING_SECRET);
    }
}
