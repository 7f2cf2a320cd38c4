package io.resolvehub.teams;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Deployment settings of the Teams bot ({@code hub.teams.*}). Per-tenant settings (the Microsoft 365 tenant id, the
 * escalation conversation) are channel records, not properties.
 *
 * @param appId                 the bot's Microsoft app (client) id; {@code /teams/messages} is served only when set,
 *                              and inbound tokens must carry it as their audience
 * @param appPassword           the app registration's client secret, for the outbound token
 * @param appTenantId           the app registration's home tenant for a single-tenant bot; tokens then come from that
 *                              tenant instead of {@code botframework.com}
 * @param tokenUrl              where the outbound client-credentials token is requested; defaults to Microsoft's
 *                              endpoint for the app type
 * @param openidMetadataUrl     where the signing keys of inbound Bot Framework tokens are found
 * @param retryAttempts         attempts per Bot Connector call for retriable failures (429, 412, 5xx, I/O)
 * @param maxRetryWait          the longest {@code Retry-After} waited inside the connector; longer waits go back to
 *                              the pipeline as a retriable failure
 * @param sendsPerSecondPerConversation messages the bot sends per second into one conversation (Teams allows 60 per
 *                              30 s per thread)
 * @param callTimeout           timeout of one Bot Connector or token call
 * @param maxActivityBytes      the largest activity body {@code /teams/messages} reads
 * @param appWebsiteUrl         an https page about this hub, linked from the Teams app package's manifest (with
 *                              {@code /privacy} and {@code /terms} under it); when unset, the https URL the package
 *                              is downloaded from is used
 * @param serviceUrl            the Bot Connector endpoint for posts that do not answer an activity (the insights
 *                              digest), which therefore carry no {@code serviceUrl} of their own
 */
@ConfigurationProperties("hub.teams")
public record TeamsProperties(String appId, String appPassword, String appTenantId, String tokenUrl,
                              String openidMetadataUrl, Integer retryAttempts, Duration maxRetryWait,
                              Double sendsPerSecondPerConversation, Duration callTimeout, Integer maxActivityBytes,
                              String appWebsiteUrl, String serviceUrl) {

    /** The global Bot Connector endpoint for Teams, which routes to the tenant's region. */
    public static final String DEFAULT_SERVICE_URL = "https://smba.trafficmanager.net/teams/";
    /** Bot Framework's OpenID metadata for tokens sent by the channel to the bot. */
    public static final String DEFAULT_OPENID_METADATA_URL = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    /** The multi-tenant token endpoint; a single-tenant app uses its own tenant in place of {@code botframework.com}. */
    public static final String TOKEN_URL_TEMPLATE = "https://login.microsoftonline.com/%s/oauth2/v2.0/token";

    public TeamsProperties {
        appId = blankToNull(appId);
        appPassword = blankToNull(appPassword);
        appTenantId = blankToNull(appTenantId);
        tokenUrl = blankToNull(tokenUrl) != null ? tokenUrl.strip()
                : TOKEN_URL_TEMPLATE.formatted(appTenantId != null ? appTenantId : "botframework.com");
        openidMetadataUrl = blankToNull(openidMetadataUrl) != null ? openidMetadataUrl.strip() : DEFAULT_OPENID_METADATA_URL;
        retryAttempts = retryAttempts == null ? 3 : Math.max(1, retryAttempts);
        maxRetryWait = maxRetryWait == null ? Duration.ofSeconds(2) : maxRetryWait;
        sendsPerSecondPerConversation = sendsPerSecondPerConversation == null ? 2.0 : sendsPerSecondPerConversation;
        if (sendsPerSecondPerConversation <= 0) {
            throw new IllegalArgumentException("hub.teams.sends-per-second-per-conversation must be positive");
        }
        callTimeout = callTimeout == null ? Duration.ofSeconds(15) : callTimeout;
        maxActivityBytes = maxActivityBytes == null ? 256 * 1024 : maxActivityBytes;
        appWebsiteUrl = blankToNull(appWebsiteUrl);
        serviceUrl = blankToNull(serviceUrl) != null ? serviceUrl.strip() : DEFAULT_SERVICE_URL;
    }

    public boolean endpointEnabled() {
        return appId != null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
