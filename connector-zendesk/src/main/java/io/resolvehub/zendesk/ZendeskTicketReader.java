package io.resolvehub.zendesk;

import io.resolvehub.core.InboundMessage;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.UserRef;
import io.resolvehub.core.channel.ChannelException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zendesk.client.v2.model.Ticket;
import org.zendesk.client.v2.model.User;

import java.time.Clock;
import java.util.Optional;

/**
 * What a webhook's ticket asks of the hub now: reads the ticket, its comments and its requester through the Zendesk
 * API and lets {@link ZendeskEventTranslator} translate their state. Run by the pipeline's worker for the change notice
 * the webhook stored, never while Zendesk waits for its acknowledgement.
 */
final class ZendeskTicketReader {

    private static final Logger log = LoggerFactory.getLogger(ZendeskTicketReader.class);

    private final ZendeskEventTranslator translator = new ZendeskEventTranslator();
    private final Clock clock;

    ZendeskTicketReader(Clock clock) {
        this.clock = clock;
    }

    /** @throws ChannelException when Zendesk fails (a rate limit carries its {@code Retry-After}) */
    Optional<InboundMessage> read(TenantId tenant, ZendeskApi api, long ticketId) {
        Optional<Ticket> ticket = api.ticket(ticketId);
        if (ticket.isEmpty()) {
            log.info("Zendesk ticket {} of tenant {} is gone; nothing to do", ticketId, tenant);
            return Optional.empty();
        }
        ZendeskTicketFacts facts = ZendeskTicketFacts.of(ticket.get(), api.comments(ticketId), api.aiAuthorId(),
                api::isAgent);
        return translator.translate(tenant, facts, requester(api, facts.requesterId()), clock.instant());
    }

    private static UserRef requester(ZendeskApi api, long requesterId) {
        if (requesterId < 0) {
            return UserRef.anonymous();
        }
        try {
            User user = api.user(requesterId).orElse(null);
            return user == null ? new UserRef(Long.toString(requesterId), null, null)
                    : new UserRef(Long.toString(requesterId), user.getName(), user.getEmail());
        } catch (ChannelException e) {
            return new UserRef(Long.toString(requesterId), null, null); // the name is nice to have, the event is not
        }
    }
}
