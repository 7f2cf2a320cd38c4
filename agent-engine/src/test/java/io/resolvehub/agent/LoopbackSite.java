package io.resolvehub.agent;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * A small help site on a loopback port for crawl, sitemap and re-sync tests. Each path answers what its supplier returns
 * at request time, so a test can change a page between two syncs; any other path is a 404. A response may carry an
 * ETag, and a request that sends it back in {@code If-None-Match} gets a 304, as from a real site.
 */
public final class LoopbackSite implements AutoCloseable {

    /** What one path answers. */
    public record Response(String contentType, String body, String etag) {

        public static Response html(String body) {
            return new Response("text/html; charset=utf-8", body, null);
        }

        /** An HTML page whose ETag follows its content, so an unchanged page answers 304 to a resync. */
        public static Response htmlWithEtag(String body) {
            return new Response("text/html; charset=utf-8", body, "\"" + Integer.toHexString(body.hashCode()) + "\"");
        }

        public static Response text(String body) {
            return new Response("text/plain", body, null);
        }

        public static Response xml(String body) {
            return new Response("application/xml", body, null);
        }
    }

    private final HttpServer server;
    private final String base;
    private final Map<String, Supplier<Response>> routes = new ConcurrentHashMap<>();
    private final List<String> fetched = new CopyOnWriteArrayList<>();

    public LoopbackSite() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/", this::handle);
        server.start();
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public String base() {
        return base;
    }

    /** Serves {@code path} with what {@code response} returns at request time (null: 404). */
    public LoopbackSite serve(String path, Supplier<Response> response) {
        routes.put(path, response);
        return this;
    }

    /** A robots.txt allowing everything. */
    public LoopbackSite allowAllRobots() {
        return serve("/robots.txt", () -> Response.text("User-agent: *\nAllow: /\n"));
    }

    /** A sitemap listing {@code paths} of this site, read at request time. */
    public LoopbackSite sitemap(String path, Supplier<List<String>> paths) {
        return serve(path, () -> {
            StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">");
            paths.get().forEach(p -> xml.append("<url><loc>").append(base).append(p).append("</loc></url>"));
            return Response.xml(xml.append("</urlset>").toString());
        });
    }

    /** The paths requested so far, in order. */
    public List<String> fetched() {
        return List.copyOf(fetched);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            fetched.add(path);
            Supplier<Response> route = routes.get(path);
            Response response = route == null ? null : route.get();
            if (response == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            if (response.etag() != null) {
                exchange.getResponseHeaders().add("ETag", response.etag());
                if (response.etag().equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                    exchange.sendResponseHeaders(304, -1);
                    return;
                }
            }
            byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", response.contentType());
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
