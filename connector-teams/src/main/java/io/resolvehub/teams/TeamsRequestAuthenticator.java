package io.resolvehub.teams;

import com.microsoft.bot.connector.authentication.AuthenticationConfiguration;
import com.microsoft.bot.connector.authentication.ChannelValidation;
import com.microsoft.bot.connector.authentication.ClaimsIdentity;
import com.microsoft.bot.connector.authentication.CredentialProvider;
import com.microsoft.bot.connector.authentication.JwtTokenValidation;
import com.microsoft.bot.connector.authentication.SimpleChannelProvider;
import com.microsoft.bot.connector.authentication.SimpleCredentialProvider;
import com.microsoft.bot.schema.Activity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Checks the Bot Framework JWT of an inbound activity with the SDK's own validation: issuer
 * {@code https://api.botframework.com}, a signing key from the OpenID metadata's JWKS (endorsed for the activity's
 * channel), audience = {@code hub.teams.app-id}, the {@code serviceurl} claim = the activity's {@code serviceUrl},
 * and lifetime (5 minutes' clock skew).
 *
 * @see <a href="https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-authentication#connector-to-bot">Connector to bot authentication</a>
 */
final class TeamsRequestAuthenticator {

    private static final Logger log = LoggerFactory.getLogger(TeamsRequestAuthenticator.class);

    private final CredentialProvider credentials;
    private final Duration timeout;

    /**
     * @param openidMetadataUrl set JVM-wide in the SDK ({@link ChannelValidation#setOpenIdMetaDataUrl} is static)
     */
    TeamsRequestAuthenticator(String appId, String openidMetadataUrl, Duration timeout) {
        if (appId == null || appId.isBlank()) {
            // A blank app id is the SDK's "authentication disabled": never serve that.
            throw new IllegalArgumentException("hub.teams.app-id is required to validate Teams requests");
        }
        ChannelValidation.setOpenIdMetaDataUrl(openidMetadataUrl);
        this.credentials = new SimpleCredentialProvider(appId, null);
        this.timeout = timeout;
    }

    /** True when the request's {@code Authorization} header proves it came from the Bot Framework for this bot. */
    boolean isAuthentic(Activity activity, String authorizationHeader) {
        if (authorizationHeader == null || authorizationHeader.isBlank()) {
            log.info("Teams activity without an Authorization header: 401");
            return false;
        }
        try {
            ClaimsIdentity identity = JwtTokenValidation.authenticateRequest(activity, authorizationHeader, credentials,
                    new SimpleChannelProvider(), new AuthenticationConfiguration())
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return identity != null && identity.isAuthenticated();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            log.info("Teams activity {} refused: {}", activity.getId(), cause.getMessage());
            return false;
        }
    }
}
