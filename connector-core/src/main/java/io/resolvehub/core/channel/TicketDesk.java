package io.resolvehub.core.channel;

import io.resolvehub.core.HandoffReason;

/**
 * Where a hand-off from a chat channel becomes a ticket: the tenant's Zendesk when configured, else the hub's own
 * inbox. Core chooses the desk; the channel connector calls it while it performs the hand-off, because only the
 * connector knows the link back to the thread.
 */
public interface TicketDesk {

    /**
     * Opens a ticket carrying the whole transcript, each AI turn's confidence and cited sources.
     *
     * @param threadLink a link back to the thread on the chat platform; may be null
     * @throws RuntimeException when the ticket system cannot be reached (the pipeline retries, then falls back to the
     *                          hub inbox so the hand-off is never lost)
     */
    TicketRef openTicket(ConversationView conversation, HandoffReason reason, String threadLink);
}
