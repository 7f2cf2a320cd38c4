package io.resolvehub.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import io.resolvehub.core.ChannelType;
import io.resolvehub.core.ChatTurn;
import io.resolvehub.core.Citation;
import io.resolvehub.core.ConversationId;
import io.resolvehub.core.ConversationStatus;
import io.resolvehub.core.Decision;
import io.resolvehub.core.HandoffReason;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.UserRef;
import io.resolvehub.core.channel.ConversationRef;
import io.resolvehub.core.channel.ConversationView;
import io.resolvehub.core.channel.TicketDesk;
import io.resolvehub.core.channel.TicketRef;
import io.resolvehub.core.channel.TranscriptTurn;
import io.resolvehub.core.testing.InMemoryChannelAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Hand-offs from Slack and Teams become Zendesk tickets, once. */
class ZendeskTicketDeskTest {

    private static final TenantId ACME = new TenantId("acme");
    private static final FakeZendeskApi zendesk = new FakeZendeskApi();
    private static final ZendeskClients clients = new ZendeskClients(Duration.ofSeconds(5));
    private static final String THREAD = "https://acme.slack.com/archives/C0SUPPORT/p1700000000000100";

    private final InMemoryChannelAccounts accounts = new InMemoryChannelAccounts();
    private final ZendeskTicketDeskProvider provider = new ZendeskTicketDeskProvider(accounts, clients,
            new ZendeskMessageRenderer(), ZendeskTicketDesk.retry(3, Duration.ofSeconds(2)));

    @AfterAll
    static void stop() {
        clients.close();
        zendesk.close();
    }

    private static ConversationView slackConversation(String id) {
        Instant at = Instant.parse("2026-11-29T10:00:00Z");
        ConversationRef ref = new ConversationRef(new ConversationId(id), ACME, ChannelType.SLACK,
                "C0SUPPORT:1700000000.000100", new UserRef("U0CUSTOMER", "Jane Customer", "jane@example.com"), Map.of());
        return new ConversationView(ref, ConversationStatus.ESCALATED, List.of(
                new TranscriptTurn(ChatTurn.Role.USER, "How do I export my invoices?", null, null, List.of(), at),
                new TranscriptTurn(ChatTurn.Role.ASSISTANT, "Open Billing > Invoices and choose Export.", Decision.ANSWER,
                        0.41, List.of(new Citation("src-7", "Invoices", "https://help.example.com/invoices", "Export")), at),
                new TranscriptTurn(ChatTurn.Role.USER, "that didn't help", null, null, List.of(), at)));
    }

    @Test
    void aTenantWithoutZendeskHasNoDesk() {
        assertThat(provider.forTenant(ACME)).isEmpty();
    }

    @Test
    void aHandoffFromSlackOpensATicketWithRequesterSubjectTranscriptLinkAndTag() {
        accounts.save(ACME, ChannelType.ZENDESK, null, ZendeskFixtures.settings(zendesk));
        TicketDesk desk = provider.forTenant(ACME).orElseThrow();

        TicketRef ticket = desk.openTicket(slackConversation("conv-slack-1"), HandoffReason.NEGATIVE_FEEDBACK, THREAD);

        assertThat(ticket.system()).isEqualTo("zendesk");
        assertThat(ticket.url()).isEqualTo(zendesk.url() + "/agent/tickets/" + ticket.id());
        JsonNode created = zendesk.createdTickets().getLast();
        assertThat(created.get("subject").asText()).isEqualTo("How do I export my invoices?");
        assertThat(created.get("requester").get("email").asText()).isEqualTo("jane@example.com");
        assertThat(created.get("requester").get("name").asText()).isEqualTo("Jane Customer");
        assertThat(created.get("tags")).extracting(JsonNode::asText).containsExactly("resolvehub");
        assertThat(created.get("external_id").asText()).isEqualTo("resolvehub:conv-slack-1");
        assertThat(created.get("group_id").asLong()).isEqualTo(ZendeskFixtures.HANDOFF_GROUP);
        assertThat(created.get("comment").get("public").asBoolean()).isFalse();
        assertThat(created.get("comment").get("body").asText()).contains("from Slack", "reason: negative_feedback",
                THREAD, "How do I export my invoices?", "confidence 0.41", "Invoices <https://help.example.com/invoices>",
                "that didn't help");
        assertThat(zendesk.ticket(Long.parseLong(ticket.id())).get("requester_id").asLong()).isNotEqualTo(FakeZendeskApi.API_AGENT_ID);
    }

    @Test
    void aRetriedHandoffFindsTheTicketItOpenedInsteadOfOpeningASecond() {
        accounts.save(ACME, ChannelType.ZENDESK, null, ZendeskFixtures.settings(zendesk));
        TicketDesk desk = provider.forTenant(ACME).orElseThrow();
        TicketRef first = desk.openTicket(slackConversation("conv-slack-2"), HandoffReason.USER_REQUEST, THREAD);
        int created = zendesk.createdTickets().size();

        TicketRef again = provider.forTenant(ACME).orElseThrow()
                .openTicket(slackConversation("conv-slack-2"), HandoffReason.USER_REQUEST, THREAD);

        assertThat(again).isEqualTo(first);
        assertThat(zendesk.createdTickets()).hasSize(created);
    }

    @Test
    void aRateLimitIsWaitedOutAndTheTicketOpenedOnce() {
        accounts.save(ACME, ChannelType.ZENDESK, null, ZendeskFixtures.settings(zendesk));
        int created = zendesk.createdTickets().size();
        zendesk.scriptNext(429, Map.of("Retry-After", "1"), FakeZendeskApi.sample("api/error_rate_limited.json"));

        TicketRef ticket = provider.forTenant(ACME).orElseThrow()
                .openTicket(slackConversation("conv-slack-3"), HandoffReason.USER_REQUEST, null);

        assertThat(ticket.id()).isNotBlank();
        assertThat(zendesk.createdTickets()).hasSize(created + 1);
    }
}
