package io.resolvehub.zendesk;

import io.resolvehub.core.ChannelType;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.channel.ChannelAccounts;
import io.resolvehub.core.channel.TicketDesk;
import io.resolvehub.core.channel.TicketDeskProvider;
import io.resolvehub.core.channel.PlatformCalls;

import java.util.Optional;

/** Offers the tenant's Zendesk as the hand-off desk of its other channels, when its Zendesk record is complete. */
final class ZendeskTicketDeskProvider implements TicketDeskProvider {

    private final ChannelAccounts accounts;
    private final ZendeskClients clients;
    private final ZendeskMessageRenderer renderer;
    private final PlatformCalls retry;

    ZendeskTicketDeskProvider(ChannelAccounts accounts, ZendeskClients clients, ZendeskMessageRenderer renderer,
                              PlatformCalls retry) {
        this.accounts = accounts;
        this.clients = clients;
        this.renderer = renderer;
        this.retry = retry;
    }

    @Override
    public Optional<TicketDesk> forTenant(TenantId tenant) {
        return accounts.find(tenant, ChannelType.ZENDESK)
                .filter(settings -> ZendeskSettings.problem(settings).isEmpty())
                .map(settings -> new ZendeskTicketDesk(clients.forSettings(ZendeskSettings.of(settings)), renderer, retry));
    }
}
