package io.resolvehub.slack;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * Deployment settings of the Slack app ({@code hub.slack.*}). Per-workspace settings (bot token, escalation channel)
 * are tenant channel records, not properties.
 *
 * @param signingSecret            the app's signing secret; {@code /slack/**} endpoints are served only when it is set
 * @param clientId                 OAuth client id; with {@code clientSecret} it enables {@code /slack/install}
 * @param clientSecret             OAuth client secret
 * @param apiUrl                   base of the Slack Web API, ending in {@code /}
 * @param scopes                   bot scopes requested by the OAuth install; keep in sync with slack-app-manifest.yml
 * @param redirectUri              the OAuth redirect URL registered with Slack; optional when only one is registered
 * @param postsPerSecondPerChannel {@code chat.postMessage} budget per channel (Slack allows about 1/s)
 * @param retryAttempts            attempts per Web API call for retriable failures (429, 5xx, I/O)
 * @param maxRetryWait             the longest {@code Retry-After} waited inside the connector (so one rate-limited
 *                                 step of a hand-off does not repeat the whole hand-off); longer waits go back to the
 *                                 pipeline as a retriable failure, which it retries after {@code Retry-After}
 * @param historyTimeout           how long the worker waits for a thread's earlier messages before answering
 *                                 without them
 * @param installStateTtl          how long an OAuth install link stays valid
 */
@ConfigurationProperties("hub.slack")
public record SlackProperties(String signingSecret, String clientId, String clientSecret, String apiUrl,
                              List<String> scopes, String redirectUri, Double postsPerSecondPerChannel,
                              Integer retryAttempts, Duration maxRetryWait, Duration historyTimeout,
                              Duration installStateTtl) {

    static final Duration DEFAULT_HISTORY_TIMEOUT = Duration.ofMillis(1500);

    /** The bot scopes the hub uses; slack-app-manifest.yml lists the same. */
    public static final List<String> DEFAULT_SCOPES = List.of(
            "app_mentions:read", "channels:history", "groups:history", "im:history", "chat:write", "commands",
            "users:read", "users:read.email");

    public SlackProperties {
        apiUrl = apiUrl == null || apiUrl.isBlank() ? "https://slack.com/api/" : (apiUrl.endsWith("/") ? apiUrl : apiUrl + "/");
        scopes = scopes == null || scopes.isEmpty() ? DEFAULT_SCOPES : List.copyOf(scopes);
        postsPerSecondPerChannel = postsPerSecondPerChannel == null ? 1.0 : postsPerSecondPerChannel;
        if (postsPerSecondPerChannel <= 0) {
            throw new IllegalArgumentException("hub.slack.posts-per-second-per-channel must be positive");
        }
        retryAttempts = retryAttempts == null ? 3 : Math.max(1, retryAttempts);
        maxRetryWait = maxRetryWait == null ? Duration.ofSeconds(2) : maxRetryWait;
        historyTimeout = historyTimeout == null ? DEFAULT_HISTORY_TIMEOUT : historyTimeout;
        installStateTtl = installStateTtl == null ? Duration.ofMinutes(10) : installStateTtl;
    }

    /** Properties for a hub that only sends (tests, tools): no inbound endpoints. */
    public static SlackProperties defaults(String apiUrl) {
        return new SlackProperties(null, null, null, apiUrl, null, null, null, null, null, null, null);
    }

    public boolean eventsEnabled() {
        return signingSecret != null && !signingSecret.isBlank();
    }

    public boolean installEnabled() {
        return eventsEnabled() && clientId != null && !clientId.isBlank() && clientSecret != null && !clientSecret.isBlank();
    }
}
