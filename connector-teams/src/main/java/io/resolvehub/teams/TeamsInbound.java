package io.resolvehub.teams;

import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Serialization;
import io.resolvehub.core.ChannelType;
import io.resolvehub.core.InboundIntake;
import io.resolvehub.core.InboundMessage;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.channel.ChannelAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * What {@code POST /teams/messages} does, in order: parse the activity with the SDK's serialisation, validate the
 * request's JWT (401 for anything else, before anything is stored), find the hub tenant of the activity's Microsoft
 * 365 tenant, translate, store in the durable intake, and only then acknowledge. Answering happens later through
 * the pipeline.
 */
final class TeamsInbound {

    private static final Logger log = LoggerFactory.getLogger(TeamsInbound.class);

    /** The HTTP answer to a delivery. */
    record Outcome(int status, String body) {
        static final Outcome ACKNOWLEDGED = new Outcome(200, "");
        static final Outcome UNAUTHORIZED = new Outcome(401, "{\"error\":\"unauthorized\"}");
        static final Outcome BAD_REQUEST = new Outcome(400, "{\"error\":\"not a Bot Framework activity\"}");
        static final Outcome NOT_STORED = new Outcome(500, "{\"error\":\"the activity could not be stored; retry\"}");
    }

    private final TeamsRequestAuthenticator authenticator;
    private final ChannelAccounts accounts;
    private final InboundIntake intake;
    private final TeamsActivityTranslator translator;

    TeamsInbound(TeamsRequestAuthenticator authenticator, ChannelAccounts accounts, InboundIntake intake,
                 TeamsActivityTranslator translator) {
        this.authenticator = authenticator;
        this.accounts = accounts;
        this.intake = intake;
        this.translator = translator;
    }

    Outcome receive(String body, String authorizationHeader) {
        Activity activity = parse(body);
        if (activity == null) {
            // Unauthenticated callers learn nothing more from a parse error than from a 401.
            return authorizationHeader == null || authorizationHeader.isBlank() ? Outcome.UNAUTHORIZED : Outcome.BAD_REQUEST;
        }
        // Without a serviceUrl the SDK skips the token's serviceurl check, and there would be nowhere to reply.
        if (activity.getServiceUrl() == null || activity.getServiceUrl().isBlank()
                || !authenticator.isAuthentic(activity, authorizationHeader)) {
            return Outcome.UNAUTHORIZED;
        }
        Optional<String> teamsTenant = TeamsActivityTranslator.teamsTenantId(activity);
        if (teamsTenant.isEmpty()) {
            log.info("Teams {} activity {} without a tenant id: acknowledged, ignored", activity.getType(), activity.getId());
            return Outcome.ACKNOWLEDGED;
        }
        Optional<TenantId> tenant = accounts.tenantForAccount(ChannelType.TEAMS, teamsTenant.get());
        if (tenant.isEmpty()) {
            log.warn("Teams activity {} from Microsoft 365 tenant {} that no hub tenant has connected "
                    + "(PUT /api/v1/tenants/{t}/channels/teams): acknowledged, ignored", activity.getId(), teamsTenant.get());
            return Outcome.ACKNOWLEDGED;
        }
        Optional<InboundMessage> message = translator.translate(tenant.get(), teamsTenant.get(), activity);
        if (message.isEmpty()) {
            log.debug("Teams {} activity {} is not addressed to the hub: acknowledged", activity.getType(), activity.getId());
            return Outcome.ACKNOWLEDGED;
        }
        try {
            if (intake.accept(message.get()) == InboundIntake.Outcome.DUPLICATE) {
                log.debug("Teams activity {} seen before: acknowledged, not processed again", activity.getId());
            }
            return Outcome.ACKNOWLEDGED;
        } catch (RuntimeException e) {
            log.error("Teams activity {} could not be stored; answering 500 so it is not lost silently", activity.getId(), e);
            return Outcome.NOT_STORED;
        }
    }

    private static Activity parse(String body) {
        try {
            Activity activity = Serialization.treeToValue(Serialization.jsonToTree(body), Activity.class);
            return activity != null && activity.getType() != null ? activity : null;
        } catch (Exception e) {
            return null;
        }
    }
}
