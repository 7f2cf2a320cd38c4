package io.resolvehub.agent.ingest;

import io.resolvehub.agent.IngestionException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * One read of a web source by {@link WebReader}: fetches pages {@code delay} apart, each bounded by {@code timeout} and
 * {@code maxBytes} (with {@code If-None-Match} when the page's ETag is known), all of them together by
 * {@code maxTotalBytes}, and remembers each host's robots.txt.
 */
final class CrawlSession {

    /** A fetched page: its status, content type, body and ETag. */
    record Fetched(int status, String contentType, byte[] body, String etag) {
    }

    private final HttpClient http;
    private final Duration delay;
    private final Duration timeout;
    private final long maxBytes;
    private final long maxTotalBytes;
    private final String userAgent;
    private final Map<String, RobotsRules> robots = new HashMap<>();
    private long lastRequest;
    private long readBytes;

    CrawlSession(HttpClient http, Duration delay, Duration timeout, long maxBytes, long maxTotalBytes, String userAgent) {
        this.http = http;
        this.delay = delay;
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        this.maxTotalBytes = maxTotalBytes;
        this.userAgent = userAgent;
    }

    Fetched get(URI uri, String etag) {
        if (exhausted()) {
            throw tooMuch();
        }
        pause();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).header("User-Agent", userAgent).GET();
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                if (bytes.length > maxBytes) {
                    throw new IngestionException(uri + " is larger than " + maxBytes + " bytes (hub.agent.crawl.max-bytes)");
                }
                readBytes += bytes.length;
                if (exhausted()) {
                    throw tooMuch();
                }
                return new Fetched(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                        bytes, response.headers().firstValue("ETag").orElse(null));
            }
        } catch (IOException e) {
            throw new IngestionException("could not fetch " + uri + ": " + FetchFailures.reason(e) + "; check the address and retry");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IngestionException("fetching " + uri + " was interrupted (the hub is shutting down)");
        }
    }

    /** True once the crawl has read more than it may in all: the source fails, not just the page. */
    boolean exhausted() {
        return readBytes > maxTotalBytes;
    }

    private IngestionException tooMuch() {
        return new IngestionException("the crawl read more than " + maxTotalBytes + " bytes before it finished "
                + "(hub.agent.crawl.max-total-bytes); start it from a narrower page or sitemap, or ask the hub's operator "
                + "to raise the limit");
    }

    private void pause() {
        long wait = lastRequest + delay.toMillis() - System.currentTimeMillis();
        if (wait > 0) {
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IngestionException("the crawl was interrupted (the hub is shutting down)");
            }
        }
        lastRequest = System.currentTimeMillis();
    }

    boolean allowed(URI uri) {
        RobotsRules rules = robots.computeIfAbsent(uri.getScheme() + "://" + uri.getAuthority(), origin -> {
            try {
                Fetched robotsTxt = get(URI.create(origin + "/robots.txt"), null);
                return robotsTxt.status() == 200
                        ? RobotsRules.parse(new String(robotsTxt.body(), StandardCharsets.UTF_8), userAgent)
                        : RobotsRules.ALLOW_ALL;   // RFC 9309: an unavailable robots.txt (4xx) means no restrictions
            } catch (IngestionException e) {
                return RobotsRules.ALLOW_ALL;
            }
        });
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return rules.allows(path);
    }
}
