package io.resolvehub.core.conversation;

import io.resolvehub.core.ChannelType;
import io.resolvehub.core.ConversationId;
import io.resolvehub.core.ConversationStatus;
import io.resolvehub.core.TenantId;

import java.util.List;
import java.util.Optional;

/** The read side of the conversations: the inbox and transcripts. Thread-safe. */
public interface ConversationInbox {

    /**
     * The tenant's conversations, most recently updated first.
     *
     * @param status  only these; null for all
     * @param channel only this channel; null for all
     * @param deadLettersOnly only conversations with at least one dead-lettered event
     * @param limit   at most this many
     */
    List<InboxItem> list(TenantId tenant, ConversationStatus status, ChannelType channel, boolean deadLettersOnly,
                         int limit);

    Optional<ConversationDetail> find(TenantId tenant, ConversationId id);

    /**
     * The conversation a platform's ticket belongs to: the ticket's own conversation on that platform's channel
     * (a Zendesk ticket the AI answered: {@code system} is the channel id, {@code ticketId} its thread), or the
     * conversation that was handed off into that ticket (its {@link io.resolvehub.core.channel.TicketRef}); the
     * most recently updated when both exist.
     *
     * @return empty when the AI has taken no part in that ticket
     */
    Optional<ConversationDetail> findByTicket(TenantId tenant, String system, String ticketId);
}
