package io.resolvehub.slack;

import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.request.builtin.OAuthCallbackRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.response.oauth.OAuthV2AccessResponse;
import io.resolvehub.core.ChannelType;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.channel.ChannelAccounts;
import io.resolvehub.core.channel.ChannelSettings;
import io.resolvehub.core.tenant.TenantDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;

/**
 * The end of the OAuth v2 install: stores the workspace for the tenant carried in the state (bot token encrypted by
 * {@link ChannelAccounts}), and turns every failure into a page that says what to do.
 */
final class SlackInstallations {

    private static final Logger log = LoggerFactory.getLogger(SlackInstallations.class);

    private final ChannelAccounts accounts;

    SlackInstallations(ChannelAccounts accounts) {
        this.accounts = accounts;
    }

    Response installed(OAuthCallbackRequest request, Response response, OAuthV2AccessResponse access) {
        TenantId tenant = SlackInstallStates.tenantOf(request.getPayload().getState());
        if (access.getTeam() == null || access.getTeam().getId() == null) {
            return page(response, 400, "Org-wide (Enterprise Grid) installs are not supported: install the app into a workspace.");
        }
        String teamId = access.getTeam().getId();
        Map<String, String> settings = new HashMap<>();
        accounts.find(tenant, ChannelType.SLACK)
                .filter(s -> teamId.equals(s.get(SlackConnectorFactory.TEAM_ID).orElse(null)))
                .flatMap(s -> s.get(SlackConnectorFactory.ESCALATION_CHANNEL))
                .ifPresent(channel -> settings.put(SlackConnectorFactory.ESCALATION_CHANNEL, channel));
        settings.put(SlackConnectorFactory.TEAM_ID, teamId);
        settings.put(SlackConnectorFactory.BOT_TOKEN, access.getAccessToken());
        try {
            accounts.save(tenant, ChannelType.SLACK, teamId, new ChannelSettings(settings));
        } catch (IllegalArgumentException e) {
            log.warn("Slack install of {} for tenant {} refused: {}", teamId, tenant, e.getMessage());
            return page(response, 409, "This Slack workspace is already connected to another ResolveHub tenant. "
                    + "Uninstall it there first.");
        }
        log.info("Slack workspace {} ({}) installed for tenant {}", teamId, access.getTeam().getName(), tenant);
        return page(response, 200, "ResolveHub is installed in " + access.getTeam().getName()
                + " for tenant " + tenant + ". Mention the app in a channel or send it a direct message.");
    }

    Response badState(OAuthCallbackRequest request, Response response) {
        log.warn("Slack install callback with an unknown, used or expired state refused");
        return page(response, 400, "This install link is invalid or has expired. Start again from /slack/install.");
    }

    Response accessRefused(OAuthCallbackRequest request, Response response, OAuthV2AccessResponse access) {
        log.warn("Slack oauth.v2.access refused the install: {}", access.getError());
        return page(response, 400, "Slack refused the install (" + access.getError() + "). Start again from /slack/install.");
    }

    Response cancelled(OAuthCallbackRequest request, Response response) {
        return page(response, 200, "The install was cancelled (" + request.getPayload().getError() + ").");
    }

    Response failed(OAuthCallbackRequest request, Response response, Exception e) {
        log.error("Slack install failed", e);
        return page(response, 500, "The install failed on our side. Please try again in a minute.");
    }

    /**
     * Refuses {@code /slack/install?tenant=} values that are not tenant ids, or (when the hub's tenant directory is
     * known) tenants that do not exist, before a state is issued.
     */
    static Middleware tenantCheck(TenantDirectory tenants) {
        return (Request req, Response resp, MiddlewareChain chain) -> {
            if (req.getRequestType() == RequestType.OAuthStart) {
                String requested = SlackInstallStates.requestedTenant(req);
                if (!TenantId.isValid(requested)) {
                    return page(resp, 400, "Invalid tenant id in ?tenant=: use lower-case letters, digits and dashes.");
                }
                if (tenants != null && tenants.find(new TenantId(requested)).isEmpty()) {
                    return page(resp, 404, "There is no tenant '" + requested + "': create it first, then install again.");
                }
            }
            return chain.next(req);
        };
    }

    private static Response page(Response response, int status, String message) {
        response.setStatusCode(status);
        response.setContentType("text/html; charset=utf-8");
        response.setBody("<!doctype html><html><head><meta charset=\"utf-8\"><title>ResolveHub for Slack</title></head>"
                + "<body><p>" + html(message) + "</p></body></html>");
        return response;
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
