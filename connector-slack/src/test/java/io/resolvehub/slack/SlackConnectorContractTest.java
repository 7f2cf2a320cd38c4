package io.resolvehub.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import io.resolvehub.core.ChannelType;
import io.resolvehub.core.ConversationId;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.UserRef;
import io.resolvehub.core.channel.ChannelConnectorFactory;
import io.resolvehub.core.channel.ChannelSettings;
import io.resolvehub.core.channel.ConversationRef;
import io.resolvehub.core.testing.PlatformConnectorContract;
import io.resolvehub.core.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The delivery contract every channel passes and the platform part, run against the Slack connector and the fake Slack Web API. */
class SlackConnectorContractTest extends PlatformConnectorContract {

    private final FakeSlackApi slack = new FakeSlackApi();
    private final SlackConnectorFactory factory = factory(slack);

    private static SlackConnectorFactory factory(FakeSlackApi slack) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(slack.url());
        SlackProperties properties = SlackProperties.defaults(slack.url());
        return new SlackConnectorFactory(new SlackWebApi(Slack.getInstance(config), properties), new SlackMessageRenderer(),
                new SlackThreads(JdbcClient.create(TestDatabase.H2.freshDataSource("classpath:db/migration/slack"))));
    }

    @AfterEach
    void stopSlack() {
        slack.close();
    }

    @Override
    protected ChannelConnectorFactory factory() {
        return factory;
    }

    @Override
    protected ChannelSettings validSettings() {
        return new ChannelSettings(Map.of("teamId", "T0HUBTEST", "botToken", "xoxb-test-token"));
    }

    /** As the events endpoint stores a mention: the thread key and the reply context of the translator. */
    @Override
    protected ConversationRef conversation() {
        return new ConversationRef(new ConversationId("conv-contract"), new TenantId("acme"), ChannelType.SLACK,
                "C0SUPPORT:1700000000.000100", new UserRef("U0CUSTOMER", null, null),
                Map.of(SlackReplyContext.TEAM_ID, "T0HUBTEST", SlackReplyContext.CHANNEL, "C0SUPPORT",
                        SlackReplyContext.THREAD_TS, "1700000000.000100"));
    }

    /** Everything a user could see: posted and updated texts and blocks. */
    @Override
    protected List<String> platformPosts() {
        return slack.calls().stream()
                .filter(c -> c.method().equals("chat.postMessage") || c.method().equals("chat.update"))
                .flatMap(c -> Stream.of(c.param("text"), c.param("blocks")))
                .filter(p -> p != null)
                .map(p -> p.replace("\\u003c", "<").replace("\\u003e", ">").replace("\\u0026", "&"))
                .toList();
    }

    @Override
    protected void platformRateLimitsNextCall(Duration retryAfter) {
        slack.scriptNext("chat.postMessage", 429, Map.of("Retry-After", Long.toString(retryAfter.toSeconds())),
                "{\"ok\":false,\"error\":\"ratelimited\"}");
    }

    @Override
    protected void platformRejectsNextCallAsUnauthorized() {
        slack.scriptNext("chat.postMessage", 200, Map.of(), "{\"ok\":false,\"error\":\"invalid_auth\"}");
    }

    @Override
    protected boolean findsPartsAnInterruptedAttemptPosted() {
        return true;
    }
}
