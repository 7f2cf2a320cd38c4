package io.resolvehub.zendesk;

import io.resolvehub.core.ChannelType;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.channel.ChannelConfigProperty;
import io.resolvehub.core.channel.ChannelConnector;
import io.resolvehub.core.channel.ChannelConnectorFactory;
import io.resolvehub.core.channel.ChannelException;
import io.resolvehub.core.channel.ChannelSettings;
import io.resolvehub.core.channel.Verification;
import org.zendesk.client.v2.model.Role;
import org.zendesk.client.v2.model.User;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The {@code zendesk} channel: a tenant's Zendesk account, API token, webhook secret and hand-off group. */
public final class ZendeskConnectorFactory implements ChannelConnectorFactory {

    private final ZendeskClients clients;
    private final ZendeskMessageRenderer renderer;
    private final ZendeskTicketReader reader;

    ZendeskConnectorFactory(ZendeskClients clients, ZendeskMessageRenderer renderer, Clock clock) {
        this.clients = clients;
        this.renderer = renderer;
        this.reader = new ZendeskTicketReader(clock);
    }

    @Override
    public ChannelType type() {
        return ChannelType.ZENDESK;
    }

    @Override
    public List<ChannelConfigProperty> configProperties() {
        return ZendeskSettings.PROPERTIES;
    }

    @Override
    public Optional<String> settingsProblem(ChannelSettings settings) {
        return ZendeskSettings.problem(settings);
    }

    @Override
    public Verification verify(ChannelSettings settings) {
        Optional<String> problem = ZendeskSettings.problem(settings);
        if (problem.isPresent()) {
            return Verification.failure(problem.get());
        }
        ZendeskSettings zendesk = ZendeskSettings.of(settings);
        try {
            User me = clients.forSettings(zendesk).me();
            if (me == null || me.getId() == null) {
                return Verification.failure("Zendesk at " + zendesk.url() + " did not say who the API token belongs to");
            }
            if (me.getRole() == Role.END_USER) {
                return Verification.failure("the API token authenticates " + me.getEmail()
                        + ", an end user: use an agent's email and token so the hub can comment on tickets");
            }
            return Verification.success("connected to " + zendesk.url() + " as " + me.getName() + " (" + me.getEmail() + ")");
        } catch (ChannelException e) {
            return Verification.failure("Zendesk refused the connection: " + e.getMessage());
        }
    }

    @Override
    public ChannelConnector create(TenantId tenant, ChannelSettings settings) {
        return new ZendeskChannelConnector(tenant, clients.forSettings(ZendeskSettings.of(settings)), renderer, reader);
    }
}
