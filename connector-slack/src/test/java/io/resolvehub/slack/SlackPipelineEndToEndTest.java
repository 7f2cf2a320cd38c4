package io.resolvehub.slack;

import io.resolvehub.core.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Slack through the real conversation pipeline of connector-core: signed HTTP deliveries in, the durable intake and
 * workers, the connector's replies out to the fake Slack Web API.
 */
class SlackPipelineEndToEndTest {

    private static SlackPipelineHub hub;

    @BeforeAll
    static void start() {
        hub = new SlackPipelineHub(TestDatabase.H2);
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void aMentionIsAnsweredOnceInItsThreadThenFollowUpsAndTheResolveButtonWork() {
        String mention = SlackHub.sample("events/app_mention.json");
        assertThat(post("application/json", mention).statusCode()).isEqualTo(200);
        assertThat(post("application/json", mention).statusCode()).as("Slack's retry").isEqualTo(200);

        FakeSlackApi.Call answer = awaitPosts("C0SUPPORT", 1).getFirst();
        assertThat(answer.param("thread_ts")).isEqualTo("1700000000.000100");
        assertThat(answer.param("blocks")).contains("open *Settings*", "hub_resolved", "hub_handoff",
                "https://help.example.com/reset|Resetting your password");

        assertThat(post("application/json", SlackHub.sample("events/message_thread_reply.json")).statusCode()).isEqualTo(200);
        List<FakeSlackApi.Call> answers = awaitPosts("C0SUPPORT", 2);
        assertThat(answers.get(1).param("thread_ts")).isEqualTo("1700000000.000100");
        assertThat(hub.questions.getLast().history()).as("the follow-up is asked with the thread so far").hasSize(2);

        String click = SlackHub.sample("interactivity/block_actions.json")
                .replace("${action_id}", "hub_resolved").replace("${action_text}", "That solved it");
        assertThat(post("application/x-www-form-urlencoded", "payload=" + URLEncoder.encode(click, StandardCharsets.UTF_8)).statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> !hub.slack.calls("chat.update").isEmpty());
        FakeSlackApi.Call update = hub.slack.calls("chat.update").getFirst();
        assertThat(update.param("ts")).isEqualTo("1700000001.000200");
        assertThat(update.param("blocks")).doesNotContain("hub_feedback").contains("Solved");
        assertThat(status("C0SUPPORT:1700000000.000100")).isEqualTo("resolved");
        assertThat(hub.questions).as("one engine call per user message, the retry included").hasSize(2);
    }

    @Test
    void askingForAPersonOpensAnInboxTicketAnnouncedInTheThreadAndTheEscalationChannel() {
        String dm = SlackHub.sample("events/message_im.json")
                .replace("Can I change the billing currency?", "I want to talk to a human please")
                .replace("Ev0DIRECT01", "Ev0DIRECT99");

        assertThat(post("application/json", dm).statusCode()).isEqualTo(200);

        FakeSlackApi.Call notice = awaitPosts("D0CUSTOMER", 1).getFirst();
        assertThat(notice.param("thread_ts")).isEqualTo("1700000300.000600");
        assertThat(notice.param("text")).contains("a person", "#HUB-");
        FakeSlackApi.Call escalation = awaitPosts("C0ESCALATE", 1).getFirst();
        assertThat(escalation.param("text")).contains("user_request", "#HUB-", "hubtest.slack.com/archives");
        assertThat(status("D0CUSTOMER:1700000300.000600")).isEqualTo("escalated");
    }

    private static List<FakeSlackApi.Call> awaitPosts(String channel, int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> hub.posts(channel).size() >= count);
        return hub.posts(channel);
    }

    private static String status(String threadKey) {
        return hub.status(threadKey);
    }

    private static java.net.http.HttpResponse<String> post(String contentType, String body) {
        return hub.post(contentType, body);
    }
}
