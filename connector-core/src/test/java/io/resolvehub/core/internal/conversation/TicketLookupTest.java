package io.resolvehub.core.internal.conversation;

import io.resolvehub.core.TenantId;
import io.resolvehub.core.channel.TicketRef;
import io.resolvehub.core.conversation.ConversationDetail;
import io.resolvehub.core.internal.ConversationCore;
import io.resolvehub.core.internal.PipelineFixture;
import io.resolvehub.core.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static io.resolvehub.core.internal.PipelineFixture.ACME;
import static io.resolvehub.core.internal.PipelineFixture.CHAT;
import static io.resolvehub.core.internal.PipelineFixture.message;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A ticket leads to the conversation the AI had in it (the Zendesk sidebar's lookup): a conversation held in the
 * platform's own thread, and a conversation handed off into a ticket; nothing for a ticket the AI never touched or
 * for another tenant.
 */
class TicketLookupTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void findsTheConversationOfAThreadAndOfAHandOffTicketOnly(TestDatabase db) {
        try (PipelineFixture f = new PipelineFixture(db)) {
            ConversationCore hub = f.newInstance();
            f.connectChat(hub);
            hub.start();
            hub.intake().accept(message("4711", "How do I reset my password?"));
            hub.intake().accept(message("4712", "Can I talk to a human please?"));
            f.awaitIdle();

            ConversationDetail answered = hub.inbox().findByTicket(ACME, CHAT.id(), "4711").orElseThrow();
            assertThat(answered.turns()).extracting(t -> t.text()).first().isEqualTo("How do I reset my password?");
            assertThat(answered.summary().status().wire()).isEqualTo("open");

            ConversationDetail handedOff = hub.inbox().findByTicket(ACME, CHAT.id(), "4712").orElseThrow();
            TicketRef ticket = handedOff.summary().ticket();
            assertThat(ticket).isNotNull();
            assertThat(hub.inbox().findByTicket(ACME, ticket.system(), ticket.id()).orElseThrow().summary().id())
                    .isEqualTo(handedOff.summary().id());

            assertThat(hub.inbox().findByTicket(ACME, CHAT.id(), "9999")).as("a ticket the AI never saw").isEmpty();
            assertThat(hub.inbox().findByTicket(ACME, "zendesk", "4711")).as("another platform's ticket 4711").isEmpty();
            assertThat(hub.inbox().findByTicket(new TenantId("other"), CHAT.id(), "4711")).as("another tenant").isEmpty();
        }
    }
}
