package io.resolvehub.teams;

import io.resolvehub.core.ChannelType;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.channel.ChannelConfigProperty;
import io.resolvehub.core.channel.ChannelConnector;
import io.resolvehub.core.channel.ChannelConnectorFactory;
import io.resolvehub.core.channel.ChannelException;
import io.resolvehub.core.channel.ChannelSettings;
import io.resolvehub.core.channel.Verification;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code teams} channel: a tenant's Microsoft 365 tenant id (which the hub finds inbound activities by) and an
 * optional conversation for hand-off notices. The bot's own identity is deployment configuration ({@code hub.teams.*}).
 */
public final class TeamsConnectorFactory implements ChannelConnectorFactory {

    public static final String TEAMS_TENANT_ID = "teamsTenantId";
    public static final String ESCALATION_CONVERSATION_ID = "escalationConversationId";
    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private static final List<ChannelConfigProperty> PROPERTIES = List.of(
            new ChannelConfigProperty(TEAMS_TENANT_ID, "Microsoft 365 tenant id (a GUID, from Entra ID > Overview)", true, false, true),
            new ChannelConfigProperty(ESCALATION_CONVERSATION_ID, "Conversation id of a channel for hand-off notices, e.g. 19:…@thread.tacv2 (optional)", false, false, false));

    private final TeamsConnectorApi api;
    private final TeamsTokenClient tokens;
    private final TeamsMessageRenderer renderer;

    TeamsConnectorFactory(TeamsConnectorApi api, TeamsTokenClient tokens, TeamsMessageRenderer renderer) {
        this.api = api;
        this.tokens = tokens;
        this.renderer = renderer;
    }

    @Override
    public ChannelType type() {
        return ChannelType.TEAMS;
    }

    @Override
    public List<ChannelConfigProperty> configProperties() {
        return PROPERTIES;
    }

    @Override
    public Optional<String> settingsProblem(ChannelSettings settings) {
        Optional<String> missing = settings.missing(PROPERTIES);
        if (missing.isPresent()) {
            return missing;
        }
        String tenantId = settings.require(TEAMS_TENANT_ID);
        if (!GUID.matcher(tenantId).matches()) {
            return Optional.of("'" + TEAMS_TENANT_ID + "' must be the tenant's GUID, e.g. 72f988bf-86f1-41af-91ab-2d7cd011db47; got " + tenantId);
        }
        return settings.get(ESCALATION_CONVERSATION_ID).filter(id -> !id.matches("[A-Za-z0-9:@._;=\\-]{1,400}"))
                .map(id -> "'" + ESCALATION_CONVERSATION_ID + "' must be a Teams conversation id such as "
                        + "19:abc@thread.tacv2");
    }

    @Override
    public Verification verify(ChannelSettings settings) {
        Optional<String> problem = settingsProblem(settings);
        if (problem.isPresent()) {
            return Verification.failure(problem.get());
        }
        String tenantId = settings.require(TEAMS_TENANT_ID);
        try {
            tokens.token();
            return Verification.success("the bot's app registration gets Bot Framework tokens; activities from tenant "
                    + tenantId + " will be answered");
        } catch (ChannelException e) {
            return Verification.failure("the bot cannot get a Bot Framework token: " + e.getMessage());
        }
    }

    @Override
    public ChannelConnector create(TenantId tenant, ChannelSettings settings) {
        return new TeamsChannelConnector(tenant, settings.require(TEAMS_TENANT_ID),
                settings.get(ESCALATION_CONVERSATION_ID).orElse(null), api, renderer);
    }
}
