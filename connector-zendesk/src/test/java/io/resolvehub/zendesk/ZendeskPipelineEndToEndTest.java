package io.resolvehub.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import io.resolvehub.core.ResolutionKind;
import io.resolvehub.core.event.ConversationResolved;
import io.resolvehub.core.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static io.resolvehub.zendesk.ZendeskFixtures.BOT_USER;
import static io.resolvehub.zendesk.ZendeskFixtures.HUMAN_AGENT;
import static io.resolvehub.zendesk.ZendeskFixtures.REQUESTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Zendesk through the real conversation pipeline of connector-core: signed webhooks in over HTTP, the durable intake
 * and workers, the connector's comments and updates out to the fake Zendesk API.
 */
class ZendeskPipelineEndToEndTest {

    private static final AtomicLong ticketIds = new AtomicLong(3000);
    private static ZendeskPipelineHub hub;

    @BeforeAll
    static void start() {
        hub = new ZendeskPipelineHub(TestDatabase.H2);
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    private static long newTicket() {
        long id = ticketIds.incrementAndGet();
        hub.zendesk.addTicket(id, REQUESTER, "Password reset", "How do I reset my password?");
        return id;
    }

    private static List<JsonNode> botComments(long ticket) {
        return hub.zendesk.comments(ticket).stream().filter(c -> c.get("author_id").asLong() == BOT_USER).toList();
    }

    private static List<JsonNode> awaitBotComments(long ticket, int count) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> botComments(ticket), c -> c.size() >= count);
    }

    private static long resolutions(long ticket) {
        String conversation = hub.column(ticket, "id");
        return hub.billingEvents.stream().filter(e -> e instanceof ConversationResolved r
                && r.conversation().value().equals(conversation)).count();
    }

    @Test
    void aNewTicketIsAnsweredOnceAsAPublicCommentAndTheRequestersConfirmationResolvesIt() {
        int questionsBefore = hub.questions.size();
        long ticket = newTicket();

        assertThat(hub.webhook(ticket, "e2e-new-" + ticket).statusCode()).isEqualTo(200);
        assertThat(hub.webhook(ticket, "e2e-new-" + ticket).statusCode()).as("Zendesk's redelivery").isEqualTo(200);
        assertThat(hub.webhook(ticket, "e2e-updated-" + ticket).statusCode()).as("a second trigger, same comment").isEqualTo(200);

        JsonNode answer = awaitBotComments(ticket, 1).getFirst();
        assertThat(answer.get("public").asBoolean()).isTrue();
        assertThat(answer.get("body").asText()).contains("open Settings > Security",
                "Resetting your password: https://help.example.com/reset", "that solved it");
        assertThat(hub.zendesk.tags(ticket)).contains("ai_answered");
        assertThat(hub.status(ticket)).isEqualTo("open");
        // the hub's own comment fires the trigger again: nothing to answer
        assertThat(hub.webhook(ticket, "e2e-own-" + ticket).statusCode()).isEqualTo(200);

        hub.zendesk.addComment(ticket, REQUESTER, "That solved it, thanks!", true);
        assertThat(hub.webhook(ticket, "e2e-thanks-" + ticket).statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> "resolved".equals(hub.status(ticket)));
        assertThat(hub.column(ticket, "resolution_kind")).isEqualTo(ResolutionKind.CONFIRMED.wire());
        assertThat(hub.questions.size() - questionsBefore).as("one engine call for the one question").isEqualTo(1);
        awaitBotComments(ticket, 2);

        // the agent then solves the ticket: it is resolved already and charged once
        hub.zendesk.setStatus(ticket, "solved");
        assertThat(hub.webhook(ticket, "e2e-solved-" + ticket).statusCode()).isEqualTo(200);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> resolutions(ticket) == 1);
    }

    @Test
    void aTicketTheAiAnsweredThatIsSolvedWithoutAHumanReplyIsAResolutionBilledOnce() {
        long ticket = newTicket();
        hub.webhook(ticket, "e2e-new-" + ticket);
        awaitBotComments(ticket, 1);

        hub.zendesk.setStatus(ticket, "solved");
        hub.webhook(ticket, "e2e-solved-" + ticket);
        hub.webhook(ticket, "e2e-solved-again-" + ticket);

        await().atMost(Duration.ofSeconds(20)).until(() -> "resolved".equals(hub.status(ticket)));
        assertThat(hub.column(ticket, "resolution_kind")).isEqualTo(ResolutionKind.TICKET_SOLVED.wire());
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> resolutions(ticket) == 1);
    }

    @Test
    void onceAHumanAgentRepliesPubliclyTheAiNeverSpeaksThereAgainAndTheTicketIsNotBilled() {
        long ticket = newTicket();
        hub.webhook(ticket, "e2e-new-" + ticket);
        awaitBotComments(ticket, 1);

        hub.zendesk.addComment(ticket, HUMAN_AGENT, "Hi Jane, Alex here: I'll take it from here.", true);
        hub.webhook(ticket, "e2e-human-" + ticket);
        await().atMost(Duration.ofSeconds(20)).until(() -> "escalated".equals(hub.status(ticket)));

        hub.zendesk.addComment(ticket, REQUESTER, "Thanks Alex, what about my second account?", true);
        hub.webhook(ticket, "e2e-after-human-" + ticket);
        hub.zendesk.setStatus(ticket, "solved");
        hub.webhook(ticket, "e2e-solved-" + ticket);

        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> botComments(ticket).size() == 1);
        assertThat(hub.status(ticket)).isEqualTo("escalated");
        assertThat(resolutions(ticket)).isZero();
        assertThat(hub.zendesk.updates(ticket)).as("the hub left the human's ticket alone").hasSize(1);
    }

    @Test
    void askingForAHumanEscalatesTheTicketInOneUpdateAndTellsTheRequester() {
        long ticket = newTicket();
        hub.webhook(ticket, "e2e-new-" + ticket);
        awaitBotComments(ticket, 1);

        hub.zendesk.addComment(ticket, REQUESTER, "I want to talk to a human", true);
        hub.webhook(ticket, "e2e-human-please-" + ticket);

        List<JsonNode> comments = awaitBotComments(ticket, 2);
        assertThat(comments.getLast().get("body").asText()).contains("#" + ticket);
        await().atMost(Duration.ofSeconds(20)).until(() -> "escalated".equals(hub.status(ticket)));
        JsonNode escalation = hub.zendesk.updates(ticket).stream().filter(u -> u.has("status")).findFirst().orElseThrow();
        assertThat(escalation.get("comment").get("public").asBoolean()).isFalse();
        assertThat(escalation.get("comment").get("body").asText()).contains("reason: user_request", "confidence 0.90",
                "https://help.example.com/reset");
        assertThat(escalation.get("group_id").asLong()).isEqualTo(ZendeskFixtures.HANDOFF_GROUP);
        assertThat(escalation.get("status").asText()).isEqualTo("open");
        assertThat(hub.zendesk.tags(ticket)).contains("ai_escalated", "ai_answered");
        assertThat(hub.column(ticket, "ticket_id")).isEqualTo(Long.toString(ticket));

        hub.zendesk.addComment(ticket, REQUESTER, "Hello? Anyone?", true);
        hub.webhook(ticket, "e2e-after-handoff-" + ticket);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> botComments(ticket).size() == 2);
    }
}
