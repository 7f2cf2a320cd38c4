package io.resolvehub.teams;

import io.resolvehub.core.channel.ChannelException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The bot's outbound token: an OAuth 2.0 client-credentials grant against {@code hub.teams.token-url} for the Bot
 * Framework scope, cached until shortly before it expires. Done by hand because MSAL (the SDK's way) insists on
 * https and Azure AD instance discovery, so it cannot be pointed at another endpoint.
 *
 * @see <a href="https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-authentication#bot-to-connector">Bot to Connector authentication</a>
 */
final class TeamsTokenClient {

    static final String SCOPE = "https://api.botframework.com/.default";
    /** A token is renewed this long before it expires, so a call never leaves with one about to lapse. */
    private static final Duration RENEW_BEFORE = Duration.ofMinutes(5);

    private record Cached(String token, Instant renewAt) {
    }

    private final String tokenUrl;
    private final String appId;
    private final String appPassword;
    private final Duration timeout;
    private final Clock clock;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private volatile Cached cached;

    TeamsTokenClient(String tokenUrl, String appId, String appPassword, Duration timeout, Clock clock) {
        this.tokenUrl = tokenUrl;
        this.appId = appId;
        this.appPassword = appPassword;
        this.timeout = timeout;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** A valid access token, from the cache when it has more than a few minutes left. */
    String token() {
        Cached current = cached;
        if (current != null && clock.instant().isBefore(current.renewAt())) {
            return current.token();
        }
        synchronized (this) {
            current = cached;
            if (current == null || !clock.instant().isBefore(current.renewAt())) {
                current = fetch();
                cached = current;
            }
            return current.token();
        }
    }

    private Cached fetch() {
        if (appId == null || appPassword == null) {
            throw ChannelException.permanent("hub.teams.app-id and hub.teams.app-password must be set to send to Teams", null);
        }
        String form = "grant_type=client_credentials&client_id=" + encode(appId) + "&client_secret=" + encode(appPassword)
                + "&scope=" + encode(SCOPE);
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(URI.create(tokenUrl)).timeout(timeout)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw ChannelException.retriable("the Teams token endpoint " + tokenUrl + " is unreachable: " + e.getMessage(), null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ChannelException.retriable("interrupted while getting a Teams token", null, e);
        }
        int status = response.statusCode();
        if (status == 429 || status >= 500) {
            throw ChannelException.retriable("the Teams token endpoint answered HTTP " + status,
                    ChannelException.retryAfterHeader(response.headers().firstValue("Retry-After").orElse(null)), null);
        }
        JsonNode body;
        try {
            body = json.readTree(response.body());
        } catch (IOException e) {
            throw ChannelException.retriable("the Teams token endpoint answered HTTP " + status + " without JSON", null, e);
        }
        if (status != 200 || !body.hasNonNull("access_token")) {
            String error = body.path("error").asText("") + " " + body.path("error_description").asText("");
            throw ChannelException.permanent("the Teams token endpoint refused the app credentials (HTTP " + status + "): "
                    + error.strip(), null);
        }
        long expiresIn = body.path("expires_in").asLong(3600);
        Instant now = clock.instant();
        // Renew RENEW_BEFORE ahead of expiry, but a short-lived token is still used for half its life.
        Duration life = Duration.ofSeconds(expiresIn);
        Duration margin = life.compareTo(RENEW_BEFORE.multipliedBy(2)) > 0 ? RENEW_BEFORE : life.dividedBy(2);
        return new Cached(body.get("access_token").asText(), now.plus(life).minus(margin));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
