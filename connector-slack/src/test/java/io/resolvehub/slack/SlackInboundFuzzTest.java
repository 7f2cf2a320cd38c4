package io.resolvehub.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.app_backend.SlackSignature;
import io.resolvehub.core.ChannelType;
import io.resolvehub.core.channel.ChannelSettings;
import io.resolvehub.core.inbound.InboundEndpoint;
import io.resolvehub.core.inbound.InboundRequest;
import io.resolvehub.core.testing.InMemoryChannelAccounts;
import io.resolvehub.core.testing.InboundFuzzContract;
import io.resolvehub.core.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** {@code POST /slack/events} fuzzed: events, slash commands and button clicks, mostly signed with the app's secret. */
class SlackInboundFuzzTest extends InboundFuzzContract {

    private final FakeSlackApi slack = new FakeSlackApi();
    private final InMemoryChannelAccounts accounts = new InMemoryChannelAccounts();

    @AfterEach
    void stopSlack() {
        slack.close();
    }

    @Override
    protected String surface() {
        return "slack-events";
    }

    @Override
    protected InboundEndpoint<?> endpoint() {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(slack.url());
        SlackWebApi api = new SlackWebApi(Slack.getInstance(config), SlackProperties.defaults(slack.url()));
        install();
        return new SlackEndpoint(new SlackRequests(SlackHub.SIGNING_SECRET), accounts,
                new SlackThreads(JdbcClient.create(TestDatabase.H2.freshDataSource("classpath:db/migration/slack"))), api);
    }

    @Override
    protected List<String> seeds() {
        return List.of(SlackHub.sample("events/app_mention.json"), SlackHub.sample("events/app_mention_in_thread.json"),
                SlackHub.sample("events/message_im.json"), SlackHub.sample("events/message_thread_reply.json"),
                SlackHub.sample("events/url_verification.json"), SlackHub.sample("events/tokens_revoked.json"),
                SlackHub.sample("commands/ask.txt"),
                "payload=" + java.net.URLEncoder.encode(SlackHub.sample("interactivity/block_actions.json"), StandardCharsets.UTF_8));
    }

    @Override
    protected InboundRequest request(byte[] body, boolean signed) {
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        String signature = signed ? new SlackSignature.Generator(SlackHub.SIGNING_SECRET)
                .generate(timestamp, new String(body, StandardCharsets.UTF_8)) : "v0=" + "ab".repeat(32);
        Map<String, String> headers = Map.of(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP, timestamp,
                SlackSignature.HeaderNames.X_SLACK_SIGNATURE, signature);
        return new InboundRequest("", name -> headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst().orElse(null), body);
    }

    private void install() {
        accounts.save(SlackHub.TENANT, ChannelType.SLACK, SlackHub.TEAM_ID, new ChannelSettings(Map.of(
                SlackConnectorFactory.TEAM_ID, SlackHub.TEAM_ID, SlackConnectorFactory.BOT_TOKEN, SlackHub.BOT_TOKEN)));
    }

    /** A signed tokens_revoked among the inputs rightly removed the workspace: it is installed again first. */
    @Override
    protected InboundRequest authentic() {
        install();
        return request(SlackHub.sample("events/app_mention.json").replace("Ev0MENTION01", "Ev0AFTERFUZZ")
                .getBytes(StandardCharsets.UTF_8), true);
    }
}
