package io.resolvehub.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import io.resolvehub.core.Answer;
import io.resolvehub.core.ChannelType;
import io.resolvehub.core.ChatTurn;
import io.resolvehub.core.Citation;
import io.resolvehub.core.ConversationId;
import io.resolvehub.core.ConversationStatus;
import io.resolvehub.core.Decision;
import io.resolvehub.core.HandoffReason;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.UserRef;
import io.resolvehub.core.channel.ChannelConnector;
import io.resolvehub.core.channel.ChannelException;
import io.resolvehub.core.channel.ConversationRef;
import io.resolvehub.core.channel.ConversationView;
import io.resolvehub.core.channel.HandoffRequest;
import io.resolvehub.core.channel.OutboundMessage;
import io.resolvehub.core.channel.TicketRef;
import io.resolvehub.core.channel.TranscriptTurn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static io.resolvehub.zendesk.ZendeskFixtures.BOT_USER;
import static io.resolvehub.zendesk.ZendeskFixtures.HANDOFF_GROUP;
import static io.resolvehub.zendesk.ZendeskFixtures.HUMAN_AGENT;
import static io.resolvehub.zendesk.ZendeskFixtures.REQUESTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the connector writes on tickets, checked in the fake Zendesk's state and in the requests it received. */
class ZendeskChannelConnectorTest {

    private static final FakeZendeskApi zendesk = new FakeZendeskApi();
    private static final ZendeskClients clients = new ZendeskClients(Duration.ofSeconds(5));
    private static final AtomicLong ticketIds = new AtomicLong(2000);
    private static final Citation SOURCE = new Citation("src-1", "Resetting your password",
            "https://help.example.com/reset", "Open Settings");

    private final ZendeskConnectorFactory factory = new ZendeskConnectorFactory(clients, new ZendeskMessageRenderer(),
            java.time.Clock.systemUTC());
    private ChannelConnector connector;
    private long ticket;

    @BeforeEach
    void setUp() {
        ZendeskFixtures.people(zendesk);
        connector = factory.create(new TenantId("acme"), ZendeskFixtures.settings(zendesk));
        ticket = ticketIds.incrementAndGet();
        zendesk.addTicket(ticket, REQUESTER, "Password reset", "How do I reset my password?");
    }

    @AfterAll
    static void stop() {
        clients.close();
        zendesk.close();
    }

    private ConversationRef ref(Map<String, String> extra) {
        Map<String, String> context = new HashMap<>(Map.of(ZendeskReplyContext.TICKET_ID, Long.toString(ticket)));
        context.putAll(extra);
        return new ConversationRef(new ConversationId("conv-" + ticket), new TenantId("acme"), ChannelType.ZENDESK,
                Long.toString(ticket), new UserRef(Long.toString(REQUESTER), "Jane Customer", "jane@example.com"), context);
    }

    private ConversationView transcript(Map<String, String> extra) {
        Instant at = Instant.parse("2026-11-29T10:00:00Z");
        return new ConversationView(ref(extra), ConversationStatus.ESCALATED, List.of(
                new TranscriptTurn(ChatTurn.Role.USER, "How do I reset my password?", null, null, List.of(), at),
                new TranscriptTurn(ChatTurn.Role.ASSISTANT, "Open Settings > Security.", Decision.ANSWER, 0.82,
                        List.of(SOURCE), at.plusSeconds(2)),
                new TranscriptTurn(ChatTurn.Role.USER, "talk to a human", null, null, List.of(), at.plusSeconds(60)),
                new TranscriptTurn(ChatTurn.Role.ASSISTANT, "A person will follow up.", Decision.HANDOFF, 0.0,
                        List.of(), at.plusSeconds(61))));
    }

    @Test
    void anAnswerIsOnePublicCommentByTheBotUserWithItsSourcesAndTheTicketIsTaggedAiAnswered() {
        connector.send(new OutboundMessage(ref(Map.of()), Answer.answer("Open Settings > Security.", 0.9, List.of(SOURCE)), true));

        List<JsonNode> updates = zendesk.updates(ticket);
        assertThat(updates).hasSize(1);
        JsonNode comment = updates.getFirst().get("comment");
        assertThat(comment.get("public").asBoolean()).isTrue();
        assertThat(comment.get("author_id").asLong()).isEqualTo(BOT_USER);
        assertThat(comment.get("body").asText()).contains("Open Settings > Security.", "Sources:",
                "Resetting your password: https://help.example.com/reset");
        assertThat(zendesk.tags(ticket)).contains("ai_answered", "password", "web");
        assertThat(zendesk.comments(ticket).getLast().get("author_id").asLong()).isEqualTo(BOT_USER);
    }

    @Test
    void withoutABotUserTheAnswerIsWrittenByTheTokensAgent() {
        Map<String, String> values = new HashMap<>(ZendeskFixtures.settings(zendesk).values());
        values.remove("botUserId");
        ChannelConnector tokenAgent = factory.create(new TenantId("acme"), new io.resolvehub.core.channel.ChannelSettings(values));

        tokenAgent.send(new OutboundMessage(ref(Map.of()), Answer.answer("Open Settings.", 0.9, List.of()), true));

        assertThat(zendesk.updates(ticket).getFirst().get("comment").get("author_id").asLong())
                .isEqualTo(FakeZendeskApi.API_AGENT_ID);
    }

    @Test
    void aTicketAHumanRepliedToWhileTheAiWasThinkingIsNotAnswered() {
        zendesk.addComment(ticket, HUMAN_AGENT, "Hi Jane, I'm on it.", true);

        connector.send(new OutboundMessage(ref(Map.of()), Answer.answer("Open Settings.", 0.9, List.of()), true));

        assertThat(zendesk.updates(ticket)).isEmpty();
        assertThat(zendesk.comments(ticket)).noneMatch(c -> c.get("author_id").asLong() == BOT_USER);
    }

    @Test
    void aHandoffTellsTheRequesterThenEscalatesInOneUpdateWithTheInternalNoteGroupTagAndOpenStatus() {
        zendesk.setStatus(ticket, "pending");

        TicketRef ref = connector.handOff(new HandoffRequest(transcript(Map.of()), HandoffReason.USER_REQUEST, null,
                "A person will follow up (ticket {ticket})."));

        assertThat(ref).isEqualTo(new TicketRef("zendesk", Long.toString(ticket), zendesk.url() + "/agent/tickets/" + ticket));
        List<JsonNode> updates = zendesk.updates(ticket);
        assertThat(updates).hasSize(2);
        JsonNode notice = updates.getFirst();
        assertThat(notice.get("comment").get("public").asBoolean()).isTrue();
        assertThat(notice.get("comment").get("author_id").asLong()).isEqualTo(BOT_USER);
        assertThat(notice.get("comment").get("body").asText()).isEqualTo("A person will follow up (ticket #" + ticket + ").");
        assertThat(notice.has("status") || notice.has("tags") || notice.has("group_id")).isFalse();
        JsonNode escalation = updates.getLast();
        assertThat(escalation.get("comment").get("public").asBoolean()).isFalse();
        assertThat(escalation.get("comment").get("body").asText())
                .contains("reason: user_request", "How do I reset my password?", "confidence 0.82",
                        "Resetting your password <https://help.example.com/reset>")
                .doesNotContain("A person will follow up.");
        assertThat(escalation.get("group_id").asLong()).isEqualTo(HANDOFF_GROUP);
        assertThat(escalation.get("status").asText()).isEqualTo("open");
        assertThat(escalation.get("tags")).extracting(JsonNode::asText).contains("ai_escalated", "password");
        JsonNode state = zendesk.ticket(ticket);
        assertThat(state.get("status").asText()).isEqualTo("open");
        assertThat(state.get("group_id").asLong()).isEqualTo(HANDOFF_GROUP);
    }

    @Test
    void aHandoffRetriedAfterItsEscalationFailedEscalatesWithoutRepeatingTheNotice() {
        HandoffRequest request = new HandoffRequest(transcript(Map.of()), HandoffReason.LOW_CONFIDENCE, null,
                "A person will follow up (ticket {ticket}).");
        zendesk.scriptNext(call -> call.method().equals("PUT") && call.ticket().has("status"), 503,
                "{\"error\":\"ServiceUnavailable\"}");
        assertThatThrownBy(() -> connector.handOff(request))
                .isInstanceOfSatisfying(ChannelException.class, e -> assertThat(e.retriable()).isTrue());

        connector.handOff(request);
        connector.handOff(request);

        List<JsonNode> updates = zendesk.updates(ticket);
        assertThat(updates.stream().filter(u -> u.get("comment").get("public").asBoolean())).hasSize(1);
        assertThat(zendesk.tags(ticket)).contains("ai_escalated");
        assertThat(zendesk.comments(ticket).stream().filter(c -> !c.get("public").asBoolean())).as("one internal note").hasSize(1);
    }

    @Test
    void handingTheTicketToTheHumanWhoAlreadyRepliedLeavesTheTicketAlone() {
        zendesk.forgetCalls();

        TicketRef ref = connector.handOff(new HandoffRequest(transcript(Map.of(ZendeskReplyContext.HUMAN_TOOK_OVER, "true")),
                HandoffReason.USER_REQUEST, null, "A person will follow up (ticket {ticket})."));

        assertThat(ref.id()).isEqualTo(Long.toString(ticket));
        assertThat(zendesk.calls()).isEmpty();
    }

    @Test
    void aDeletedTicketIsAPermanentFailure() {
        ConversationRef gone = new ConversationRef(new ConversationId("conv-gone"), new TenantId("acme"),
                ChannelType.ZENDESK, "999999", UserRef.anonymous(), Map.of());

        assertThatThrownBy(() -> connector.send(new OutboundMessage(gone, Answer.answer("x", 0.9, List.of()), true)))
                .isInstanceOfSatisfying(ChannelException.class, e -> assertThat(e.retriable()).isFalse());
    }

    @Test
    void verifyReportsWhoTheTokenBelongsTo() {
        assertThat(factory.verify(ZendeskFixtures.settings(zendesk)).detail()).contains("Support Bot");
        assertThat(factory.verify(ZendeskFixtures.settings(zendesk)).ok()).isTrue();
    }

    @Test
    void verifyRefusesANonNumericGroup() {
        Map<String, String> values = new HashMap<>(ZendeskFixtures.settings(zendesk).values());
        values.put("handoffGroupId", "support");

        assertThat(factory.verify(new io.resolvehub.core.channel.ChannelSettings(values)).detail()).contains("handoffGroupId");
    }
}
