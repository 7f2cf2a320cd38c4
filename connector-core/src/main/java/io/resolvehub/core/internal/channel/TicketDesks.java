package io.resolvehub.core.internal.channel;

import io.resolvehub.core.HandoffReason;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.channel.ConversationView;
import io.resolvehub.core.channel.TicketDesk;
import io.resolvehub.core.channel.TicketDeskProvider;
import io.resolvehub.core.channel.TicketRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Chooses where a tenant's hand-offs become tickets: the first {@link TicketDeskProvider} that offers a desk (e.g.
 * the tenant's Zendesk), else the hub inbox. A provider's desk that fails falls back to the hub inbox, so a hand-off
 * is never lost because the ticket system is down.
 */
public class TicketDesks {

    private static final Logger log = LoggerFactory.getLogger(TicketDesks.class);

    private final Supplier<List<TicketDeskProvider>> providers;
    private final HubInboxDesk hubInbox;

    /** @param providers resolved on each hand-off, so providers may themselves depend on core beans */
    public TicketDesks(Supplier<List<TicketDeskProvider>> providers, HubInboxDesk hubInbox) {
        this.providers = providers;
        this.hubInbox = hubInbox;
    }

    public HubInboxDesk hubInbox() {
        return hubInbox;
    }

    public TicketDesk forTenant(TenantId tenant) {
        for (TicketDeskProvider provider : providers.get()) {
            Optional<TicketDesk> desk = provider.forTenant(tenant);
            if (desk.isPresent()) {
                return new FallingBack(desk.get(), hubInbox);
            }
        }
        return hubInbox;
    }

    private record FallingBack(TicketDesk primary, HubInboxDesk fallback) implements TicketDesk {
        @Override
        public TicketRef openTicket(ConversationView conversation, HandoffReason reason, String threadLink) {
            try {
                return primary.openTicket(conversation, reason, threadLink);
            } catch (RuntimeException e) {
                log.warn("Ticket system failed for conversation {}; opening a hub inbox ticket instead: {}",
                        conversation.ref().id(), e.toString());
                return fallback.openTicket(conversation, reason, threadLink);
            }
        }
    }
}
