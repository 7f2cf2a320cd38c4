package io.resolvehub.agent.ingest;

import io.resolvehub.agent.IngestionException;
import io.resolvehub.agent.KnowledgeSource;
import io.resolvehub.agent.LoopbackSite.Response;
import io.resolvehub.agent.LoopbackSite;
import io.resolvehub.agent.SourceStatus;
import io.resolvehub.agent.SourceType;
import io.resolvehub.agent.TestAgent;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** url and sitemap sources against a local HTTP server: robots.txt, depth and page limits, sitemaps, ETags. */
class WebReaderTest {

    private static final TenantId ACME = new TenantId("acme");

    private LoopbackSite site;
    private String base;

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
    void start() {
        site = new LoopbackSite();
        base = site.base();
        Map<String, String> pages = Map.of(
                "/help/", page("Help center", "Welcome to the help center.", "/help/a", "b", "/private/secret", "http://example.invalid/x", "/logo.png"),
                "/help/a", page("Reset your password", "Click Forgot password on the sign-in page."),
                "/help/b", page("Billing", "Invoices are under Settings, Billing.", "/help/c"),
                "/help/c", page("Deep page", "Two hops from the start page."),
                "/private/secret", page("Secret", "Robots forbid this page."));
        site.serve("/robots.txt", () -> Response.text("User-agent: *\nDisallow: /private\n"))
                .serve("/sitemap.xml", () -> Response.xml("<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                        + "<url><loc>" + base + "/help/a</loc></url><url><loc>" + base + "/help/b</loc></url>"
                        + "<url><loc>" + base + "/private/secret</loc></url></urlset>"));
        // Only /help/a has an ETag (a fixed one): a resync of it must cost one 304.
        pages.forEach((path, body) -> site.serve(path, () -> path.equals("/help/a")
                ? new Response("text/html; charset=utf-8", body, "\"v1\"") : Response.html(body)));
    }

    @AfterEach
    void stop() {
        site.close();
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
        assertThat(site.fetched()).doesNotContain("/private/secret", "/help/c", "/logo.png");
    }

    @Test
    void aCrawlStopsAtThePageLimit() {
        assertThat(reader(2, 3).read(source(SourceType.SITEMAP, base + "/help/"), Map.of())).hasSize(2);
    }

    @Test
    void aCrawlThatReadsMoreThanItsTotalLimitFailsSayingWhichLimit() {
        WebReader capped = new WebReader(20, 3, Duration.ZERO, Duration.ofSeconds(5), 1_000_000, 400, "ResolveHubBot/0.1");
        assertThatThrownBy(() -> capped.read(source(SourceType.SITEMAP, base + "/help/"), Map.of()))
                .isInstanceOf(IngestionException.class)
                .hasMessageContaining("read more than 400 bytes").hasMessageContaining("hub.agent.crawl.max-total-bytes");
        assertThat(site.fetched()).doesNotContain("/help/c");
        assertThat(new WebReader(20, 3, Duration.ZERO, Duration.ofSeconds(5), 1_000_000, 100_000, "ResolveHubBot/0.1")
                .read(source(SourceType.SITEMAP, base + "/help/"), Map.of())).hasSize(4);
    }

    @Test
    void aSitemapYieldsItsAllowedPages() {
        List<SourceDocument> docs = reader(20, 3).read(source(SourceType.SITEMAP, base + "/sitemap.xml"), Map.of());
        assertThat(docs).extracting(SourceDocument::docKey).containsExactly(base + "/help/a", base + "/help/b");
        assertThat(site.fetched()).doesNotContain("/private/secret");
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
