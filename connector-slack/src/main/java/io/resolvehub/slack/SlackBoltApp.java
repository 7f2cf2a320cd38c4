package io.resolvehub.slack;

import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.builtin.RequestVerification;
import com.slack.api.bolt.middleware.builtin.SSLCheck;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.AppUninstalledEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.event.TokensRevokedEvent;
import io.resolvehub.core.tenant.AdminSession;
import io.resolvehub.core.tenant.TenantDirectory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the Bolt app behind the OAuth install ({@code /slack/install}, {@code /slack/oauth_redirect}); events,
 * commands and clicks on {@code /slack/events} go through core's inbound kit ({@link SlackEndpoint}). The middleware
 * is chosen, not defaulted: signature verification first (v0, 5-minute window either way), then no Bolt
 * authorization, because the tenant and bot token of a workspace come from the hub's channel records, not from
 * Bolt's installation store.
 */
final class SlackBoltApp {

    static final String APP_PATH = "/slack/";
    static final String EVENTS_PATH = "/slack/events";
    static final String INSTALL_PATH = "/slack/install";
    static final String REDIRECT_PATH = "/slack/oauth_redirect";
    static final String ASK_COMMAND = "/ask";

    /**
     * The Events API subscriptions and the event type each arrives as; {@link SlackRequests} reads every one.
     * slack-app-manifest.yml subscribes to exactly these (a test holds the two together).
     */
    static final Map<String, String> BOT_EVENTS = Map.of(
            "app_mention", AppMentionEvent.TYPE_NAME,
            "message.channels", MessageEvent.TYPE_NAME,
            "message.groups", MessageEvent.TYPE_NAME,
            "message.im", MessageEvent.TYPE_NAME,
            "app_uninstalled", AppUninstalledEvent.TYPE_NAME,
            "tokens_revoked", TokensRevokedEvent.TYPE_NAME);

    private SlackBoltApp() {
    }

    /**
     * @param tenants the hub's tenant directory, to refuse installs for tenants that do not exist; null to skip
     * @param admins  who is signed in to the hub: only an admin of a tenant may install a workspace for it
     */
    static App create(SlackProperties properties, Slack slack, SlackInstallStates states,
                      SlackInstallations installations, TenantDirectory tenants, AdminSession admins) {
        boolean install = properties.installEnabled() && states != null && installations != null;
        AppConfig config = AppConfig.builder()
                .slack(slack)
                .signingSecret(properties.signingSecret())
                .clientId(install ? properties.clientId() : null)
                .clientSecret(install ? properties.clientSecret() : null)
                .redirectUri(properties.redirectUri())
                .scope(String.join(",", properties.scopes()))
                .appPath(APP_PATH)
                .oauthInstallPath("install")
                .oauthRedirectUriPath("oauth_redirect")
                .oAuthInstallPageRenderingEnabled(false) // straight to Slack's consent screen
                .stateValidationEnabled(true)
                .allEventsApiAutoAckEnabled(true) // edits, deletes, bot messages, joins: acknowledged, ignored
                .build();

        List<Middleware> middleware = new ArrayList<>();
        // Slack's periodic ssl_check for the slash command URL is unsigned: answer 200, touch nothing.
        middleware.add(new SSLCheck(null));
        middleware.add(new RequestVerification(new SlackRequestVerifier(properties.signingSecret())));
        middleware.add(SlackInstallations.installGate(tenants, admins));
        App app = new App(config, slack, middleware);

        if (install) {
            app.asOAuthApp(true);
            app.service(states);
            app.oauthCallback(installations::installed);
            app.oauthCallbackStateError(installations::badState);
            app.oauthCallbackAccessError(installations::accessRefused);
            app.oauthCallbackError(installations::cancelled);
            app.oauthCallbackException(installations::failed);
        }
        return app;
    }
}
