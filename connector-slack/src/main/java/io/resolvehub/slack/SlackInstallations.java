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
import io.resolvehub.core.tenant.AdminSession;
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

    /**
     * The callback did not bring back a state this browser was issued. Without any state it is an install started in
     * Slack (the App Directory): it is bound to no tenant, and its code is not exchanged; an admin connects the
     * workspace from the hub's admin page instead, which binds it to their tenant.
     */
    Response badState(OAuthCallbackRequest request, Response response) {
        String state = request.getPayload().getState();
        if (state == null || state.isBlank()) {
            log.info("Slack install without the hub's state (started in Slack): connected to no tenant");
            return page(response, 200, "ResolveHub was added to your Slack workspace, but it is not connected to a "
                    + "ResolveHub tenant yet. To connect it, an admin of your tenant signs in to the ResolveHub admin page "
                    + "and uses Add to Slack there.");
        }
        log.warn("Slack install callback with an unknown, used or expired state refused");
        return page(response, 400, "This install link is invalid or has expired. Start again with Add to Slack on "
                + "the ResolveHub admin page.");
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
     * Lets {@code /slack/install?tenant=} issue a state only for an existing tenant and only to an admin of that
     * tenant signed in to the hub: anyone else could otherwise attach their own workspace to the tenant, and have its
     * knowledge answer them, its coins pay for it and its inbox take their tickets.
     */
    static Middleware installGate(TenantDirectory tenants, AdminSession admins) {
        return (Request req, Response resp, MiddlewareChain chain) -> {
            if (req.getRequestType() == RequestType.OAuthStart) {
                String requested = SlackInstallStates.requestedTenant(req);
                if (!TenantId.isValid(requested)) {
                    return page(resp, 400, "Invalid tenant id in ?tenant=: use lower-case letters, digits and dashes.");
                }
                if (tenants != null && tenants.find(new TenantId(requested)).isEmpty()) {
                    return page(resp, 404, "There is no tenant '" + requested + "': create it first, then install again.");
                }
                if (admins.adminOf(new TenantId(requested)).isEmpty()) {
                    log.warn("Slack install for tenant {} refused: not started by a signed-in admin of it", requested);
                    return page(resp, 403, "Only an admin of tenant '" + requested + "' can connect a Slack workspace "
                            + "to it: sign in to the ResolveHub admin page as one and use Add to Slack there.");
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
