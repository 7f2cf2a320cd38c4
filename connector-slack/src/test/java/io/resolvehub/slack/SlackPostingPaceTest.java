package io.resolvehub.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import io.resolvehub.core.Answer;
import io.resolvehub.core.ChannelType;
import io.resolvehub.core.ConversationId;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.UserRef;
import io.resolvehub.core.channel.ChannelConnector;
import io.resolvehub.core.channel.ChannelSettings;
import io.resolvehub.core.channel.ConversationRef;
import io.resolvehub.core.channel.OutboundMessage;
import io.resolvehub.core.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code chat.postMessage} keeps to the per-channel pace. Only a lower bound is asserted: a slow machine cannot make
 * it fail, only a limiter that lets posts through too fast can.
 */
class SlackPostingPaceTest {

    @Test
    void postsToOneChannelNeverComeFasterThanThePace() {
        try (FakeSlackApi slack = new FakeSlackApi()) {
            double perSecond = 1; // Slack's pace: one post per second per channel
            ChannelConnector connector = connector(slack, perSecond);
            String paragraph = "Open the export page and pick the format you need for your data. ".repeat(40);
            String fourParts = String.join("\n\n", List.of(paragraph, paragraph, paragraph, paragraph));

            connector.send(new OutboundMessage(ref(), Answer.answer(fourParts, 0.9, List.of()), true));

            List<FakeSlackApi.Call> posts = slack.calls("chat.postMessage");
            assertThat(posts).hasSize(4);
            long spanNanos = posts.getLast().receivedNanos() - posts.getFirst().receivedNanos();
            // 4 posts are granted at least 2 full periods apart (the first two may straddle a period boundary);
            // 500 ms of that is left for network jitter between the first and the last request
            assertThat(Duration.ofNanos(spanNanos)).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
        }
    }

    private static ChannelConnector connector(FakeSlackApi slack, double perSecond) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(slack.url());
        SlackProperties properties = new SlackProperties(null, null, null, slack.url(), null, null, perSecond, 1, null, null, null);
        SlackConnectorFactory factory = new SlackConnectorFactory(new SlackWebApi(Slack.getInstance(config), properties),
                new SlackMessageRenderer(), new SlackThreads(JdbcClient.create(TestDatabase.H2.freshDataSource("classpath:db/migration/slack"))));
        return factory.create(new TenantId("acme"), new ChannelSettings(Map.of("teamId", "T0HUBTEST", "botToken", "xoxb-test-token")));
    }

    private static ConversationRef ref() {
        return new ConversationRef(new ConversationId("conv-pace"), new TenantId("acme"), ChannelType.SLACK,
                "C0SUPPORT:1700000000.000100", new UserRef("U0CUSTOMER", null, null), Map.of());
    }
}
