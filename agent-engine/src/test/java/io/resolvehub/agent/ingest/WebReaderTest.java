package io.resolvehub.agent.ingest;

import com.sun.net.httpserver.HttpServer;
import io.resolvehub.agent.TestAgent;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** url and sitemap sources against a local HTTP server: robots.txt, depth and page limits, sitemaps, ETags. */
class WebReaderTest {

    private static final TenantId ACME = new TenantId("acme");

    private HttpServer server;
    private String base;
    private final List<String> fetched = new CopyOnWriteArrayList<>();

    @TempDir
    Path dir;

    private static String page(String title, String body, String... links) {
        StringBuilder html = new StringBuilder("<html><head><title>" + title + "</title></head><body><nav><a href=\"/help/\">Home</a></nav><main><h1>"
                + title + "</h1><p>" + body + "</p>");
        for (String link : links) {
            html.append("<a href=\"").append(link).append("\">link</a> ");
        }
        return html.append("</main></body></html>").toString();
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        Map<String, String> pages = Map.of(
                "/help/", page("Help center", "Welcome to the help center.", "/help/a", "b", "/private/secret", "http://example.invalid/x", "/logo.png"),
                "/help/a", page("Reset your password", "Click Forgot password on the sign-in page."),
                "/help/b", page("Billing", "Invoices are under Settings, Billing.", "/help/c"),
                "/help/c", page("Deep page", "Two hops from the start page."),
                "/private/secret", page("Secret", "Robots forbid this page."));
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            fetched.add(path);
            String body;
            String type = "text/html; charset=utf-8";
            if (path.equals("/robots.txt")) {
                body = "User-agent: *\nDisallow: /private\n";
                type = "text/plain";
            } else if (path.equals("/sitemap.xml")) {
                body = "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                        + "<url><loc>" + base + "/help/a</loc></url><url><loc>" + base + "/help/b</loc></url>"
                        + "<url><loc>" + base + "/private/secret</loc></url></urlset>";
                type = "application/xml";
            } else if (pages.containsKey(path)) {
                body = pages.get(path);
                if (path.equals("/help/a")) {
                    exchange.getResponseHeaders().add("ETag", "\"v1\"");
                    if ("\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                        exchange.sendResponseHeaders(304, -1);
                        exchange.close();
                        return;
                    }
                }
            } else {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", type);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static KnowledgeSource source(SourceType type, String url) {
        return new KnowledgeSource("src_test", ACME, type, null, url, null, SourceStatus.INDEXING, 0, null, null, Instant.now(), Instant.now());
    }

    private WebReader reader(int maxPages, int maxDepth) {
        return new WebReader(maxPages, maxDepth, Duration.ZERO, Duration.ofSeconds(5), 1_000_000, "ResolveHubBot/0.1");
    }

    @Test
    void aSameSiteCrawlHonoursRobotsTxtTheDepthLimitAndStaysOnTheSite() {
        List<SourceDocument> docs = reader(20, 1).read(source(SourceType.SITEMAP, base + "/help/"), Map.of());
        assertThat(docs).extracting(SourceDocument::docKey)
                .containsExactlyInAnyOrder(base + "/help", base + "/help/a", base + "/help/b");
        assertThat(fetched).doesNotContain("/private/secret", "/help/c", "/logo.png");
    }

    @Test
    void aCrawlStopsAtThePageLimit() {
        assertThat(reader(2, 3).read(source(SourceType.SITEMAP, base + "/help/"), Map.of())).hasSize(2);
    }

    @Test
    void aSitemapYieldsItsAllowedPages() {
        List<SourceDocument> docs = reader(20, 3).read(source(SourceType.SITEMAP, base + "/sitemap.xml"), Map.of());
        assertThat(docs).extracting(SourceDocument::docKey).containsExactly(base + "/help/a", base + "/help/b");
        assertThat(fetched).doesNotContain("/private/secret");
    }

    @Test
    void anUnchangedPageAnswers304AndIsNotReadAgain() {
        String url = base + "/help/a";
        SourceDocument first = reader(20, 1).read(source(SourceType.URL, url), Map.of()).getFirst();
        assertThat(first.etag()).isEqualTo("\"v1\"");
        SourceDocument again = reader(20, 1).read(source(SourceType.URL, url),
                Map.of(url, new KnowledgeSources.DocumentState(url, "hash", "\"v1\"", 3))).getFirst();
        assertThat(again.unchanged()).isTrue();
    }

    @Test
    void aPageRobotsTxtForbidsIsRefusedReadably() {
        assertThatThrownBy(() -> reader(20, 1).read(source(SourceType.URL, base + "/private/secret"), Map.of()))
                .isInstanceOf(IngestionException.class).hasMessageContaining("robots.txt");
    }

    @Test
    void aSitemapSourceIsIndexedEndToEnd() {
        try (TestAgent agent = new TestAgent(TestDatabase.H2, dir)) {
            KnowledgeSource added = agent.knowledge.addWeb(ACME, SourceType.SITEMAP, base + "/sitemap.xml", "Help site");
            KnowledgeSource ready = agent.awaitFinished(ACME, added.id());
            assertThat(ready.status()).isEqualTo(SourceStatus.READY);
            assertThat(ready.chunks()).isEqualTo(2);
            assertThat(agent.engine.answer(new io.resolvehub.core.AnswerRequest(ACME, "where are my invoices", List.of()))
                    .citations()).extracting(c -> c.url()).containsExactly(base + "/help/b");
        }
    }
}
