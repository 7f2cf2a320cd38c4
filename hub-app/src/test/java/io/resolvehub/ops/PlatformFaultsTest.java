package io.resolvehub.ops;

import io.resolvehub.HubTestSupport;
import io.resolvehub.core.InboundBacklog;
import io.resolvehub.process.FakeSlackWebApi;
import io.resolvehub.process.FakeSlackWebApi.HttpFailure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Slack's Web API rate-limits (429 with {@code Retry-After}) or fails (500) while the hub replies: the reply is
 * retried, honouring {@code Retry-After}, and posted exactly once; nothing acknowledged is lost or left unfinished.
 * The whole hub on PostgreSQL, the production database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlatformFaultsTest {

    static final FakeSlackWebApi SLACK = new FakeSlackWebApi();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        HubTestSupport.hubDefaults(registry);
        HubTestSupport.usePostgres(registry);
        registry.add("hub.slack.signing-secret", () -> SlackTraffic.SIGNING_SECRET);
        registry.add("hub.slack.api-url", SLACK::url);
    }

    @LocalServerPort
    int port;

    @Autowired
    InboundBacklog backlog;

    SlackTraffic traffic;

    @BeforeEach
    void connect() {
        traffic = new SlackTraffic(port, SLACK).connect().awaitSourcesReady(Duration.ofMinutes(4));
    }

    @Test
    void aReplyThatSlackRateLimitsAndThenFailsIsRetriedAndPostedOnce() {
        String thread = SlackTraffic.nextThread();
        SLACK.failNextWith("chat.postMessage", new HttpFailure(429, "1"), new HttpFailure(500, null),
                new HttpFailure(500, null), new HttpFailure(500, null), new HttpFailure(503, null));

        assertThat(traffic.ask(thread, "how do I reset my password?")).isEqualTo(200);

        await().atMost(Duration.ofMinutes(1)).until(() -> traffic.postsIn(thread) == 1);
        assertThat(SLACK.refused()).containsSubsequence("chat.postMessage 429", "chat.postMessage 500",
                "chat.postMessage 500", "chat.postMessage 500", "chat.postMessage 503");
        assertThat(traffic.posts(thread).getFirst().form().toString()).containsIgnoringCase("password");
        await().atMost(Duration.ofSeconds(60)).until(() -> backlog.pending() == 0);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> traffic.postsIn(thread) == 1);
    }

    @Test
    void aLongRetryAfterIsWaitedOutByTheQueueNotDroppedAndNotRushed() {
        String thread = SlackTraffic.nextThread();
        // longer than the pipeline waits inline (hub.pipeline.channel-max-inline-wait, 10 s): the event is put back
        SLACK.failNextWith("chat.postMessage", new HttpFailure(429, "12"));

        assertThat(traffic.ask(thread, "how do I export my notes?")).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).until(() -> SLACK.refused().contains("chat.postMessage 429"));
        await().during(Duration.ofSeconds(10)).atMost(Duration.ofSeconds(11)).until(() -> traffic.postsIn(thread) == 0);
        await().atMost(Duration.ofSeconds(30)).until(() -> traffic.postsIn(thread) == 1);
        assertThat(traffic.posts(thread).getFirst().form().toString()).containsIgnoringCase("export");
        await().atMost(Duration.ofSeconds(60)).until(() -> backlog.pending() == 0);
    }
}
