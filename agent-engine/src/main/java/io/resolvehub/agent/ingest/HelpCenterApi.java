package io.resolvehub.agent.ingest;

import io.resolvehub.agent.IngestionException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The Zendesk Help Center API as {@link ZendeskGuideReader} reads it: anonymous JSON requests, {@code delay} apart within
 * one read, each bounded by {@code timeout} and {@code maxBytes}; one short {@code Retry-After} (up to
 * {@value #MAX_RETRY_AFTER_SECONDS} s) is waited out, a longer one fails the source as rate-limited. Failures are
 * {@link IngestionException}s that say what to check.
 */
final class HelpCenterApi {

    /** The longest Retry-After honoured once before the source fails as rate-limited. */
    private static final long MAX_RETRY_AFTER_SECONDS = 30;
    private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(MAX_RETRY_AFTER_SECONDS);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Duration delay;
    private final Duration timeout;
    private final long maxBytes;
    private final String userAgent;
    private final HttpClient http;

    HelpCenterApi(Duration delay, Duration timeout, long maxBytes, String userAgent) {
        this.delay = delay;
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        this.userAgent = userAgent;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** One read of a help center: its requests go out {@code delay} apart. */
    Session session() {
        return new Session();
    }

    final class Session {

        private long lastRequest;

        private Session() {
        }

        /** The JSON object at {@code uri}, after the politeness delay. */
        JsonNode fetchJson(URI uri, String helpCenter) {
            lastRequest = pause(lastRequest);
            return HelpCenterApi.this.fetchJson(uri, helpCenter);
        }
    }

    private JsonNode fetchJson(URI uri, String helpCenter) {
        Response response = get(uri);
        if (response.status() == 429) {
            Duration wait = response.retryAfter();
            if (wait == null || wait.compareTo(MAX_RETRY_AFTER) > 0) {
                throw new IngestionException("the Help Center API of " + helpCenter + " is rate-limiting the hub (HTTP 429): resync later");
            }
            sleep(wait);
            response = get(uri);
        }
        if (response.status() == 401 || response.status() == 403) {
            throw new IngestionException(uri + " answered HTTP " + response.status() + ": the help center requires sign-in, "
                    + "and private help centers are not supported yet (only public articles can be read)");
        }
        if (response.status() != 200) {
            throw new IngestionException(uri + " answered HTTP " + response.status() + ": check that " + helpCenter
                    + " is a Zendesk help center, e.g. https://acme.zendesk.com or https://acme.zendesk.com/hc/en-us");
        }
        try {
            JsonNode json = JSON.readTree(response.body());
            if (json == null || !json.isObject()) {
                throw new IngestionException(uri + " did not answer a JSON object: is " + helpCenter + " a Zendesk help center?");
            }
            return json;
        } catch (JacksonException e) {
            throw new IngestionException(uri + " did not answer JSON" + (response.contentType().isEmpty() ? "" : " (" + response.contentType() + ")")
                    + ": is " + helpCenter + " a Zendesk help center?");
        }
    }

    private record Response(int status, String contentType, byte[] body, String retryAfterHeader) {
        Duration retryAfter() {
            try {
                return retryAfterHeader == null ? null : Duration.ofSeconds(Long.parseLong(retryAfterHeader.strip()));
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    private Response get(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("User-Agent", userAgent)
                .header("Accept", "application/json").GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                if (bytes.length > maxBytes) {
                    throw new IngestionException(uri + " is larger than " + maxBytes + " bytes (hub.agent.crawl.max-bytes)");
                }
                return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), bytes,
                        response.headers().firstValue("Retry-After").orElse(null));
            }
        } catch (IOException e) {
            throw new IngestionException("could not fetch " + uri + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IngestionException("fetching " + uri + " was interrupted (the hub is shutting down)");
        }
    }

    /** Waits until {@code delay} has passed since the last request (politeness); returns when this request goes out. */
    private long pause(long lastRequest) {
        long wait = lastRequest + delay.toMillis() - System.currentTimeMillis();
        if (lastRequest > 0 && wait > 0) {
            sleep(Duration.ofMillis(wait));
        }
        return System.currentTimeMillis();
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IngestionException("reading the help center was interrupted (the hub is shutting down)");
        }
    }
}
