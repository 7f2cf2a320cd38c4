package io.resolvehub.core.internal.pipeline;

import io.resolvehub.core.HandoffReason;
import io.resolvehub.core.channel.ChannelConnector;
import io.resolvehub.core.channel.ConversationView;
import io.resolvehub.core.channel.HandoffRequest;
import io.resolvehub.core.channel.TicketDesk;
import io.resolvehub.core.channel.TicketRef;
import io.resolvehub.core.internal.channel.ChannelCalls;
import io.resolvehub.core.internal.channel.ChannelConnectors;
import io.resolvehub.core.internal.channel.TicketDesks;
import io.resolvehub.core.internal.conversation.AssistantTurn;
import io.resolvehub.core.internal.conversation.ConversationRecord;
import io.resolvehub.core.internal.conversation.Conversations;
import io.resolvehub.core.internal.conversation.Transcripts;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * Carries out a hand-off the state machine already recorded: the tenant's connector opens the ticket at the chosen
 * desk (with the whole transcript) and tells the user in place; then the ticket is stored on the conversation and the
 * notice, naming the ticket, becomes the assistant turn's final text.
 */
class HandoffDelivery {

    private final ChannelConnectors connectors;
    private final TicketDesks desks;
    private final ChannelCalls calls;
    private final Conversations conversations;
    private final Transcripts transcripts;
    private final TransactionTemplate tx;
    private final Clock clock;

    private final UserNotices notices;

    public HandoffDelivery(ChannelConnectors connectors, TicketDesks desks, ChannelCalls calls,
                           Conversations conversations, Transcripts transcripts, UserNotices notices,
                           TransactionTemplate tx, Clock clock) {
        this.notices = notices;
        this.connectors = connectors;
        this.desks = desks;
        this.calls = calls;
        this.conversations = conversations;
        this.transcripts = transcripts;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * @param rerun whether an earlier attempt may have got as far as the notice and stopped before recording it
     */
    public TicketRef deliver(ConversationRecord before, Map<String, String> replyContext, AssistantTurn turn,
                             boolean rerun) {
        ConversationRecord conversation = conversations.find(before.id()).orElseThrow();
        if (turn.delivered() && conversation.ticket() != null) {
            return conversation.ticket();
        }
        HandoffReason reason = turn.answer().reason();
        ConversationView view = new ConversationView(conversation.ref(replyContext), conversation.status(),
                transcripts.transcript(conversation.id()));
        TicketDesk desk = desks.forTenant(conversation.tenant());
        HandoffRequest request = new HandoffRequest(view, reason, desk,
                notices.handoffTemplate(conversation.tenant(), reason), transcripts.sentParts(turn.id(), rerun));
        ChannelConnector connector = connectors.forTenant(conversation.tenant(), conversation.channel());
        TicketRef ticket = calls.call(ReplyDelivery.breaker(conversation), () -> connector.handOff(request));
        if (ticket == null) {
            throw new IllegalStateException("the " + conversation.channel() + " connector returned no ticket");
        }
        record(conversation, turn, ticket, request.noticeFor(ticket));
        return ticket;
    }

    /** Opens a hub-inbox ticket without the channel (its platform is failing), so a person still sees the conversation. */
    public TicketRef deliverToHubInbox(ConversationRecord conversation, AssistantTurn turn) {
        HandoffReason reason = turn.answer().reason();
        ConversationView view = new ConversationView(conversation.ref(), conversation.status(),
                transcripts.transcript(conversation.id()));
        TicketRef ticket = desks.hubInbox().openTicket(view, reason, null);
        record(conversation, turn, ticket, notices.handoffTemplate(conversation.tenant(), reason)
                .replace("{ticket}", ticket.display()));
        return ticket;
    }

    private void record(ConversationRecord conversation, AssistantTurn turn, TicketRef ticket, String notice) {
        Instant now = clock.instant();
        tx.executeWithoutResult(status -> {
            conversations.storeTicket(conversation.id(), ticket, now);
            transcripts.recordEvent(conversation.id(), "ticket", ticket.system(), ticket.id(), now);
            transcripts.markDelivered(turn.id(), notice, null, now);
        });
    }
}
