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
        int questionsBefore = hub.agent.requests().size();
        String mention = SlackHub.sample("events/app_mention.json");
        assertThat(post("application/json", mention).statusCode()).isEqualTo(200);
        assertThat(post("application/json", mention).statusCode()).as("Slack's retry").isEqualTo(200);

        FakeSlackApi.Call answer = awaitPosts("C0SUPPORT", "1700000000.000100", 1).getFirst();
        assertThat(answer.param("thread_ts")).isEqualTo("1700000000.000100");
        assertThat(answer.param("blocks")).contains("open *Settings*", "hub_resolved", "hub_handoff",
                "https://help.example.com/reset|Resetting your password");

        assertThat(post("application/json", SlackHub.sample("events/message_thread_reply.json")).statusCode()).isEqualTo(200);
        List<FakeSlackApi.Call> answers = awaitPosts("C0SUPPORT", "1700000000.000100", 2);
        assertThat(answers.get(1).param("thread_ts")).isEqualTo("1700000000.000100");
        assertThat(hub.agent.requests().stream().filter(q -> q.question().contains("access to my email")).findFirst().orElseThrow().history())
                .as("the follow-up is asked with the thread so far").hasSize(2);

        String answerTs = answerTs("C0SUPPORT", "1700000000.000100");
        String click = SlackHub.sample("interactivity/block_actions.json")
                .replace("${action_id}", "hub_resolved").replace("${action_text}", "That solved it")
                .replace("1700000001.000200", answerTs);
        assertThat(post("application/x-www-form-urlencoded", "payload=" + URLEncoder.encode(click, StandardCharsets.UTF_8)).statusCode()).isEqualTo(200);

        FakeSlackApi.Call update = await().atMost(Duration.ofSeconds(20)).until(() -> hub.slack.calls("chat.update").stream()
                .filter(u -> answerTs.equals(u.param("ts"))).findFirst(), java.util.Optional::isPresent).orElseThrow();
        assertThat(update.param("blocks")).doesNotContain("hub_feedback").contains("Solved");
        assertThat(status("C0SUPPORT:1700000000.000100")).isEqualTo("resolved");
        assertThat(hub.agent.requests().size() - questionsBefore).as("one engine call per user message, the retry included").isEqualTo(2);
    }

    @Test
    void askingForAPersonOpensAnInboxTicketAnnouncedInTheThreadAndTheEscalationChannel() {
        String dm = SlackHub.sample("events/message_im.json")
                .replace("Can I change the billing currency?", "I want to talk to a human please")
                .replace("Ev0DIRECT01", "Ev0DIRECT99");

        assertThat(post("application/json", dm).statusCode()).isEqualTo(200);

        FakeSlackApi.Call notice = awaitPosts("D0CUSTOMER", "1700000300.000600", 1).getFirst();
        assertThat(notice.param("thread_ts")).isEqualTo("1700000300.000600");
        assertThat(notice.param("text")).contains("a person", "#HUB-");
        FakeSlackApi.Call escalation = awaitPosts("C0ESCALATE", null, 1).getFirst();
        assertThat(escalation.param("text")).contains("user_request", "#HUB-", "hubtest.slack.com/archives");
        assertThat(status("D0CUSTOMER:1700000300.000600")).isEqualTo("escalated");
    }

    @Test
    void theHandoffButtonOpensAZendeskTicketForTheRequesterAndReplacesTheButtons() {
        hub.zendesk.connect(true);
        try {
            String thread = "1700000400.000100";
            String mention = SlackHub.sample("events/app_mention.json")
                    .replace("Ev0MENTION01", "Ev0MENTION77").replace("1700000000.000100", thread);
            assertThat(post("application/json", mention).statusCode()).isEqualTo(200);
            FakeSlackApi.Call answer = await().atMost(Duration.ofSeconds(20)).until(() -> hub.posts("C0SUPPORT").stream()
                    .filter(p -> thread.equals(p.param("thread_ts"))).findFirst(), java.util.Optional::isPresent).orElseThrow();

            String answerTs = answerTs("C0SUPPORT", thread);
            String click = SlackHub.sample("interactivity/block_actions.json")
                    .replace("${action_id}", "hub_handoff").replace("${action_text}", "Talk to a human")
                    .replace("1700000000.000100", thread).replace("1700000001.000200", answerTs)
                    .replace("6201234567890.1700000000.3b1f", "6201234567890.1700000400.9a9a");
            assertThat(answer.param("blocks")).contains("hub_handoff");
            assertThat(post("application/x-www-form-urlencoded", "payload=" + URLEncoder.encode(click, StandardCharsets.UTF_8)).statusCode()).isEqualTo(200);

            await().atMost(Duration.ofSeconds(20)).until(() -> hub.slack.calls("chat.update").stream().anyMatch(u -> answerTs.equals(u.param("ts"))));
            assertThat(hub.zendesk.tickets()).singleElement().satisfies(ticket -> {
                assertThat(ticket.ref().user().email()).isEqualTo("casey@example.com");
                assertThat(ticket.turns()).extracting(t -> t.text()).contains("how do I reset my password?");
            });
            assertThat(hub.zendesk.threadLinks()).containsExactly("https://hubtest.slack.com/archives/C0SUPPORT/p1700000000000100");
            FakeSlackApi.Call update = hub.slack.calls("chat.update").stream().filter(u -> answerTs.equals(u.param("ts"))).findFirst().orElseThrow();
            assertThat(update.param("blocks")).doesNotContain("hub_feedback").contains("ticket #1234");
            await().atMost(Duration.ofSeconds(20)).until(() -> hub.posts("C0SUPPORT").stream()
                    .anyMatch(p -> thread.equals(p.param("thread_ts")) && p.param("text").contains("#1234")));
            assertThat(status("C0SUPPORT:" + thread)).isEqualTo("escalated");
        } finally {
            hub.zendesk.connect(false);
        }
    }

    @Test
    void aMentionInsideAnExistingThreadIsAnsweredWithTheThreadsEarlierMessages() {
        int questionsBefore = hub.agent.requests().size();
        String mention = SlackHub.sample("events/app_mention_in_thread.json")
                .replace("1700000000.000100", "1700000500.000100").replace("Ev0MENTION02", "Ev0MENTION55");

        assertThat(post("application/json", mention).statusCode()).isEqualTo(200);

        awaitPosts("C0SUPPORT", "1700000500.000100", 1);
        assertThat(hub.agent.requests().size() - questionsBefore).isEqualTo(1);
        assertThat(hub.agent.requests().getLast().question()).isEqualTo("how do I raise the export quota?");
        assertThat(hub.agent.requests().getLast().history()).extracting(io.resolvehub.core.ChatTurn::text)
                .containsExactly("Our export to CSV keeps failing since this morning",
                        "Same here, it says <quota exceeded> for @U0CUSTOMER");
    }

    /** The posts in a channel (and thread, when given), once there are {@code count} of them. */
    private static List<FakeSlackApi.Call> awaitPosts(String channel, String threadTs, int count) {
        java.util.function.Supplier<List<FakeSlackApi.Call>> posts = () -> hub.posts(channel).stream()
                .filter(p -> threadTs == null || threadTs.equals(p.param("thread_ts"))).toList();
        await().atMost(Duration.ofSeconds(20)).until(() -> posts.get().size() >= count);
        return posts.get();
    }

    private static String status(String threadKey) {
        return hub.status(threadKey);
    }

    private static java.net.http.HttpResponse<String> post(String contentType, String body) {
        return hub.post(contentType, body);
    }

    /** The ts of the hub's first answer in a thread, as Slack gave it when the hub posted it. */
    private static String answerTs(String channel, String threadTs) {
        return hub.slack.held().stream().filter(h -> h.channel().equals(channel) && h.threadTs().equals(threadTs))
                .findFirst().orElseThrow().ts();
    }
}
