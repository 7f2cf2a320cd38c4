package io.resolvehub.core.testing;

import io.resolvehub.core.TenantId;
import io.resolvehub.core.channel.ConversationView;
import io.resolvehub.core.channel.TicketDesk;
import io.resolvehub.core.channel.TicketDeskProvider;
import io.resolvehub.core.channel.TicketRef;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * For channel tests: a Zendesk-like ticket desk offered for one tenant while {@link #connect connected} (core's inbox
 * is used otherwise), recording every ticket it opens and the link back to the thread; each ticket is #1234.
 */
public final class RecordingTicketDesk implements TicketDeskProvider {

    public static final TicketRef TICKET = new TicketRef("zendesk", "1234", "https://acme.zendesk.com/agent/tickets/1234");

    private final TenantId tenant;
    private final List<ConversationView> tickets = new CopyOnWriteArrayList<>();
    private final List<String> threadLinks = new CopyOnWriteArrayList<>();
    private volatile boolean connected;

    public RecordingTicketDesk(TenantId tenant) {
        this.tenant = tenant;
    }

    public void connect(boolean connected) {
        this.connected = connected;
    }

    /** The conversations handed off to this desk, in order. */
    public List<ConversationView> tickets() {
        return List.copyOf(tickets);
    }

    /** The link back to the thread each ticket carries, in order. */
    public List<String> threadLinks() {
        return List.copyOf(threadLinks);
    }

    @Override
    public Optional<TicketDesk> forTenant(TenantId tenant) {
        if (!connected || !this.tenant.equals(tenant)) {
            return Optional.empty();
        }
        return Optional.of((conversation, reason, threadLink) -> {
            tickets.add(conversation);
            threadLinks.add(threadLink);
            return TICKET;
        });
    }
}
