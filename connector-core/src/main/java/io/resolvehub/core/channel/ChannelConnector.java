package io.resolvehub.core.channel;

import io.resolvehub.core.ChatTurn;
import io.resolvehub.core.InboundMessage;

import java.util.List;
import java.util.Optional;

/**
 * One tenant's connection to one channel: renders the hub's replies natively and performs hand-offs. Decisions
 * (what to answer, when to hand off) are core's; this is mechanics only.
 *
 * <p>Implementations are thread-safe. Methods perform network I/O and may throw a
 * {@link ChannelException}; the pipeline retries retriable ones with backoff honouring
 * {@link ChannelException#retryAfter()}.
 */
public interface ChannelConnector extends AutoCloseable {

    /** Posts the answer in the same thread / chat / ticket. */
    DeliveryReceipt send(OutboundMessage message);

    /**
     * Hands the conversation to a person: opens the ticket through {@code request.desk()} (or escalates the channel's
     * own ticket), posts to the tenant's escalation destination if one is set, and tells the user in place that a
     * person will follow up, naming the ticket.
     *
     * @return the ticket, never null
     */
    TicketRef handOff(HandoffRequest request);

    /** Shows in place that the user confirmed the resolution (e.g. replaces the feedback buttons with the outcome). */
    void confirmResolved(ConversationRef conversation);

    /**
     * The thread's messages from before the hub was first addressed in it, which the hub never received (e.g. a Slack
     * thread in which someone mentions the hub midway), oldest first; empty when there are none or the channel cannot
     * tell. Asked by the pipeline's worker for a conversation's first message, never inside a platform's
     * acknowledgement window. Failing is harmless: the hub then answers without them.
     */
    default List<ChatTurn> earlierMessages(ConversationRef conversation) {
        return List.of();
    }

    /**
     * What a change notice ({@link io.resolvehub.core.InboundKind#CHANGED}) the channel's endpoint stored asks of the
     * hub, read from the platform: a message to answer, a hand-off, a close; empty when it asks nothing. Asked by the
     * pipeline's worker, never inside a platform's acknowledgement window. The message's event id names the state it
     * read (a ticket's latest comment, say), not the notice, so two notices of one change make one event.
     *
     * @throws ChannelException when the platform fails; a retriable failure is read again later
     */
    default Optional<InboundMessage> readChange(InboundMessage notice) {
        return Optional.empty();
    }

    /**
     * Posts a report to a destination of the tenant's workspace that is not a customer conversation: a Slack channel id,
     * a Teams conversation id. Channels that cannot post reports keep this default, which refuses for good.
     *
     * @throws ChannelException when the platform refuses or fails (retriable ones may be tried again later)
     */
    default DeliveryReceipt post(String destination, Report report) {
        throw ChannelException.permanent("the " + getClass().getSimpleName() + " channel cannot post reports", null);
    }

    @Override
    default void close() {
    }
}
