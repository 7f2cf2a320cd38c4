package io.resolvehub.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import io.resolvehub.core.ChannelType;
import io.resolvehub.core.InboundKind;
import io.resolvehub.core.InboundMessage;
import io.resolvehub.core.ResolutionKind;
import io.resolvehub.core.UserRef;
import io.resolvehub.core.event.ConversationResolved;
import io.resolvehub.core.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
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
        int questionsBefore = hub.agent.requests().size();
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
        assertThat(hub.agent.requests().size() - questionsBefore).as("one engine call for the one question").isEqualTo(1);
        awaitBotComments(ticket, 2);

        // the agent then solves the ticket: it is resolved already and charged once
        hub.zendesk.setStatus(ticket, "solved");
        assertThat(hub.webhook(ticket, "e2e-solved-" + ticket).statusCode()).isEqualTo(200);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> resolutions(ticket) == 1);
    }

    @Test
    void anAnswerThatZendeskRateLimitsAndThenFailsIsRetriedAndPostedOnce() {
        long ticket = newTicket();
        String update = "/api/v2/tickets/" + ticket + ".json";
        java.util.function.Predicate<FakeZendeskApi.Call> comment = call -> call.method().equals("PUT")
                && call.path().equals(update);
        hub.zendesk.scriptNext(comment, 429, Map.of("Retry-After", "1"), "{\"error\":\"APIRateLimitExceeded\"}");
        hub.zendesk.scriptNext(comment, 500, Map.of(), "{\"error\":\"InternalError\"}");
        hub.zendesk.scriptNext(comment, 503, Map.of("Retry-After", "1"), "{\"error\":\"ServiceUnavailable\"}");

        assertThat(hub.webhook(ticket, "e2e-limited-" + ticket).statusCode()).isEqualTo(200);

        assertThat(awaitBotComments(ticket, 1).getFirst().get("body").asText()).contains("open Settings > Security");
        assertThat(hub.zendesk.calls().stream().filter(comment).count()).as("three refused, then posted").isEqualTo(4);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> botComments(ticket).size() == 1);
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
    void aHandoffFromAChatChannelOpensAZendeskTicketWithTheTranscriptThatTheAiNeverAnswers() {
        InboundMessage question = new InboundMessage(ZendeskPipelineHub.ACME, ChannelType.SLACK, "Ev0CHAT1",
                "C0SUPPORT:1700000000.000100", InboundKind.MESSAGE, "How do I reset my password?",
                new UserRef("U0JANE", "Jane Customer", "jane@example.com"), Map.of(), null);
        InboundMessage human = new InboundMessage(ZendeskPipelineHub.ACME, ChannelType.SLACK, "Ev0CHAT2",
                "C0SUPPORT:1700000000.000100", InboundKind.MESSAGE, "I want to talk to a human",
                new UserRef("U0JANE", "Jane Customer", "jane@example.com"), Map.of(), null);
        int before = hub.zendesk.createdTickets().size();

        hub.intake().accept(question);
        await().atMost(Duration.ofSeconds(20)).until(() -> hub.chat.posted().size() == 1);
        hub.intake().accept(human);

        await().atMost(Duration.ofSeconds(20)).until(() -> hub.zendesk.createdTickets().size() == before + 1);
        JsonNode created = hub.zendesk.createdTickets().getLast();
        assertThat(created.get("subject").asText()).isEqualTo("How do I reset my password?");
        assertThat(created.get("requester").get("email").asText()).isEqualTo("jane@example.com");
        assertThat(created.get("tags")).extracting(JsonNode::asText).containsExactly("resolvehub");
        assertThat(created.get("comment").get("body").asText()).contains("from Slack", "reason: user_request",
                "https://chat.example.com/C0SUPPORT:1700000000.000100", "How do I reset my password?",
                "confidence 0.90", "I want to talk to a human");
        await().atMost(Duration.ofSeconds(20)).until(() -> hub.chat.posted().size() == 2);
        String ticketId = hub.jdbc().sql("select ticket_id from conversations where channel = 'slack' and thread_key = ?")
                .param("C0SUPPORT:1700000000.000100").query(String.class).single();
        assertThat(hub.chat.posted().getLast().text()).contains("#" + ticketId);
        assertThat(hub.jdbc().sql("select ticket_system from conversations where thread_key = ?")
                .param("C0SUPPORT:1700000000.000100").query(String.class).single()).isEqualTo("zendesk");

        // the trigger fires for the new ticket too: it is the humans', the AI stays out of it
        assertThat(hub.webhook(Long.parseLong(ticketId), "e2e-desk-" + ticketId).statusCode()).isEqualTo(200);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
                .until(() -> botComments(Long.parseLong(ticketId)).isEmpty() && hub.status(Long.parseLong(ticketId)) == null);
    }

    @Test
    void aForgedOrStaleDeliveryOverHttpGets401AndStoresNothing() {
        long ticket = newTicket();
        long eventsBefore = hub.jdbc().sql("select count(*) from inbound_events").query(Long.class).single();

        assertThat(hub.webhook(ticket, "e2e-forged-" + ticket, "not-the-secret", java.time.Instant.now()).statusCode()).isEqualTo(401);
        assertThat(hub.webhook(ticket, "e2e-stale-" + ticket, ZendeskFixtures.WEBHOOK_SECRET,
                java.time.Instant.now().minus(Duration.ofMinutes(6))).statusCode()).isEqualTo(401);

        assertThat(hub.jdbc().sql("select count(*) from inbound_events").query(Long.class).single()).isEqualTo(eventsBefore);
        assertThat(hub.status(ticket)).isNull();
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
