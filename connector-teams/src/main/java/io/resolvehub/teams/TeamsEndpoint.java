package io.resolvehub.teams;

import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Serialization;
import io.resolvehub.core.ChannelType;
import io.resolvehub.core.InboundMessage;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.channel.ChannelAccounts;
import io.resolvehub.core.inbound.InboundEndpoint;
import io.resolvehub.core.inbound.InboundOutcome;
import io.resolvehub.core.inbound.InboundRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * {@code POST /teams/messages}, the bot's messaging endpoint, as core's inbound kit runs it: the activity is read
 * with the SDK's own serialisation (Jackson 2, not Spring's), the request's JWT validated (401 for anything else,
 * before anything is stored), the hub tenant found from the activity's Microsoft 365 tenant, and the activity
 * translated. A plain servlet on purpose: the SDK's Spring {@code BotController} fails on Spring 7.
 */
final class TeamsEndpoint implements InboundEndpoint<Activity> {

    static final String PATH = "/teams/messages";

    private static final Logger log = LoggerFactory.getLogger(TeamsEndpoint.class);

    private final TeamsRequestAuthenticator authenticator;
    private final ChannelAccounts accounts;
    private final TeamsActivityTranslator translator;

    TeamsEndpoint(TeamsRequestAuthenticator authenticator, ChannelAccounts accounts, TeamsActivityTranslator translator) {
        this.authenticator = authenticator;
        this.accounts = accounts;
        this.translator = translator;
    }

    @Override
    public String name() {
        return "Teams activity";
    }

    @Override
    public Verified<Activity> verify(InboundRequest request) {
        String authorization = request.header("Authorization");
        Activity activity = parse(request.body());
        if (activity == null) {
            // Unauthenticated callers learn nothing more from a parse error than from a 401.
            return authorization == null || authorization.isBlank() ? unauthorized()
                    : Verified.refused(InboundOutcome.rejected(400, "not a Bot Framework activity"));
        }
        // Without a serviceUrl the SDK skips the token's serviceurl check, and there would be nowhere to reply.
        if (activity.getServiceUrl() == null || activity.getServiceUrl().isBlank()
                || !authenticator.isAuthentic(activity, authorization)) {
            return unauthorized();
        }
        return Verified.authentic(activity);
    }

    @Override
    public Optional<TenantId> tenant(Activity activity) {
        Optional<String> teamsTenant = TeamsActivityTranslator.teamsTenantId(activity);
        if (teamsTenant.isEmpty()) {
            log.info("Teams {} activity {} without a tenant id: acknowledged, ignored", activity.getType(), activity.getId());
            return Optional.empty();
        }
        Optional<TenantId> tenant = accounts.tenantForAccount(ChannelType.TEAMS, teamsTenant.get());
        if (tenant.isEmpty()) {
            log.warn("Teams activity {} from Microsoft 365 tenant {} that no hub tenant has connected "
                    + "(PUT /api/v1/tenants/{t}/channels/teams): acknowledged, ignored", activity.getId(), teamsTenant.get());
        }
        return tenant;
    }

    @Override
    public Optional<InboundMessage> translate(TenantId tenant, Activity activity) {
        Optional<InboundMessage> message = translator.translate(tenant,
                TeamsActivityTranslator.teamsTenantId(activity).orElseThrow(), activity);
        if (message.isEmpty()) {
            log.debug("Teams {} activity {} is not addressed to the hub: acknowledged", activity.getType(), activity.getId());
        }
        return message;
    }

    private static Verified<Activity> unauthorized() {
        return Verified.refused(InboundOutcome.rejected(401, "unauthorized"));
    }

    private static Activity parse(byte[] body) {
        try {
            Activity activity = Serialization.treeToValue(TeamsTimestamps.normalized(Serialization.jsonToTree(
                    new String(body, java.nio.charset.StandardCharsets.UTF_8))), Activity.class);
            return activity != null && activity.getType() != null ? activity : null;
        } catch (Exception e) {
            return null;
        }
    }
}
