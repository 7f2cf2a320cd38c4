package io.resolvehub.api.knowledge;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A company help site on loopback for url and sitemap sources: pages that a test can change, an {@code ETag} per
 * page version with {@code If-None-Match} answered 304 (as real help centers do), no robots.txt (404: all allowed).
 */
final class HelpSite implements AutoCloseable {

    private record Page(String contentType, byte[] body) {
        String etag() {
            return "\"" + Integer.toHexString(java.util.Arrays.hashCode(body)) + "\"";
        }
    }

    private final HttpServer server;
    private final Map<String, Page> pages = new ConcurrentHashMap<>();
    private final AtomicInteger notModified = new AtomicInteger();

    HelpSite() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::serve);
        server.start();
    }

    /** Publishes (or replaces) an HTML page at {@code path}. */
    void html(String path, String title, String body) {
        pages.put(path, new Page("text/html; charset=utf-8", ("<!doctype html><html><head><title>" + title
                + "</title></head><body><h1>" + title + "</h1>" + body + "</body></html>").getBytes(StandardCharsets.UTF_8)));
    }

    /** Publishes a sitemap listing {@code paths} of this site. */
    void sitemap(String path, String... paths) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (String p : paths) {
            xml.append("  <url><loc>").append(url(p)).append("</loc></url>\n");
        }
        pages.put(path, new Page("application/xml", xml.append("</urlset>\n").toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** Publishes (or replaces) a JSON document at {@code path}, e.g. a Help Center API page; {@code {{base}}} becomes this site's address. */
    void json(String path, String json) {
        pages.put(path, new Page("application/json; charset=utf-8", json.replace("{{base}}", url("")).getBytes(StandardCharsets.UTF_8)));
    }

    void remove(String path) {
        pages.remove(path);
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** How many conditional requests were answered 304 Not Modified. */
    int notModified() {
        return notModified.get();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            Page page = pages.get(exchange.getRequestURI().getPath());
            if (page == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().set("ETag", page.etag());
            if (page.etag().equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                notModified.incrementAndGet();
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", page.contentType());
            exchange.sendResponseHeaders(200, page.body().length);
            exchange.getResponseBody().write(page.body());
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
