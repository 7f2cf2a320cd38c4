package io.resolvehub.agent.ingest;

import io.resolvehub.agent.KnowledgeBase;
import io.resolvehub.agent.KnowledgeSource;
import io.resolvehub.agent.LoopbackSite.Response;
import io.resolvehub.agent.LoopbackSite;
import io.resolvehub.agent.SearchHit;
import io.resolvehub.agent.SearchMode;
import io.resolvehub.agent.SearchQuery;
import io.resolvehub.agent.SourceStatus;
import io.resolvehub.agent.SourceType;
import io.resolvehub.agent.TestAgent;
import io.resolvehub.agent.index.LuceneKnowledgeIndex;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The ingestion of a many-page sitemap, through a local web server, the real WebReader, MiniLM and Lucene: the pages'
 * chunks are embedded together, yet each chunk gets its own vector, and a page that fails stops the source readably.
 */
class CrossDocumentIngestionTest {

    private static final TenantId ACME = new TenantId("acme");
    /** Page path → its sections (heading → the one sentence under it). */
    private static final Map<String, Map<String, String>> PAGES = new LinkedHashMap<>();

    static {
        PAGES.put("/help/password", Map.of("Forgotten password", "Reset your password with the Forgot password link on the sign-in page."));
        PAGES.put("/help/invoices", Map.of("Where invoices live", "Invoices are listed under Settings, Billing, and can be downloaded as PDF.",
                "Invoice currency", "Invoices use the currency of the country in your billing address."));
        PAGES.put("/help/shipping", Map.of("Delivery times", "Orders ship within two business days from our warehouse in Rotterdam."));
        PAGES.put("/help/refunds", Map.of("Refund timing", "Refunds are issued to the original card within fourteen days."));
        PAGES.put("/help/dark-mode", Map.of("Dark mode", "Turn on dark mode under Appearance to reduce glare at night."));
        PAGES.put("/help/export", Map.of("Export formats", "Export your notes as Markdown files from the File menu.",
                "Large exports", "Exports of more than a thousand notes arrive by email as a zip archive."));
        PAGES.put("/help/two-factor", Map.of("Authenticator codes", "Two-factor authentication asks for a code from your authenticator app."));
        PAGES.put("/help/delete-account", Map.of("Account deletion", "Deleting your account removes every note after thirty days."));
        PAGES.put("/help/mobile", Map.of("Mobile sync", "The mobile app syncs notes whenever it has a network connection."));
        PAGES.put("/help/shortcuts", Map.of("Command palette", "Press Ctrl+K to open the command palette and search every command."));
    }

    @TempDir
    Path dir;

    private LoopbackSite site;
    private String base;
    /** Paths the sitemap lists, in order; a path mapped to null serves a page with no text. */
    private final Map<String, String> served = new ConcurrentHashMap<>();
    private List<String> sitemap;

    private DataSource dataSource;
    private KnowledgeSources sources;
    private LuceneKnowledgeIndex index;
    private TestAgent.CountingEmbedder embedder;
    private Ingestor ingestor;
    private KnowledgeBase knowledge;

    private static String html(String path) {
        StringBuilder page = new StringBuilder("<html><head><title>").append(path).append("</title></head><body><main><h1>")
                .append(path).append("</h1>");
        PAGES.get(path).forEach((heading, text) -> page.append("<h2>").append(heading).append("</h2><p>").append(text).append("</p>"));
        return page.append("</main></body></html>").toString();
    }

    @BeforeEach
    void start() {
        PAGES.keySet().forEach(path -> served.put(path, html(path)));
        sitemap = List.copyOf(PAGES.keySet());
        site = new LoopbackSite().allowAllRobots().sitemap("/sitemap.xml", () -> sitemap);
        base = site.base();
        PAGES.keySet().forEach(path -> site.serve(path, () -> served.containsKey(path) ? Response.html(served.get(path)) : null));

        dataSource = TestDatabase.H2.freshDataSource("classpath:db/migration/core", "classpath:db/migration/agent");
        sources = new KnowledgeSources(dataSource, new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
        index = new LuceneKnowledgeIndex(dir.resolve("index"));
        embedder = new TestAgent.CountingEmbedder(TestAgent.EMBEDDER);
        ingestor = new Ingestor(sources, index, embedder, new Parsers(50), new Chunker(180),
                new WebReader(50, 2, Duration.ZERO, Duration.ofSeconds(5), 1_000_000, "ResolveHubBot/0.1"), 1, 10);
        knowledge = new KnowledgeBase(sources, index, ingestor);
    }

    @AfterEach
    void stop() {
        ingestor.close();
        index.close();
        site.close();
    }

    private KnowledgeSource awaitFinished(String id) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            SourceStatus status = sources.find(ACME, id).orElseThrow().status();
            return status == SourceStatus.READY || status == SourceStatus.FAILED;
        });
        await().atMost(Duration.ofSeconds(10)).until(ingestor::idle);
        return sources.find(ACME, id).orElseThrow();
    }

    @Test
    void theChunksOfASitemapsPagesAreEmbeddedTogetherAndEachChunkIsFoundByItsOwnText() {
        KnowledgeSource added = knowledge.addWeb(ACME, SourceType.SITEMAP, base + "/sitemap.xml", "Help site");
        KnowledgeSource ready = awaitFinished(added.id());

        int sections = PAGES.values().stream().mapToInt(Map::size).sum();
        assertThat(ready.status()).isEqualTo(SourceStatus.READY);
        assertThat(ready.chunks()).isEqualTo(sections).isEqualTo((int) index.count(ACME));
        assertThat(embedder.embedAllSizes).as("one embedAll call for all %d pages", PAGES.size()).containsExactly(sections);
        assertThat(sources.documents(added.id())).hasSize(PAGES.size());
        PAGES.forEach((path, sectionTexts) -> sectionTexts.forEach((heading, text) -> {
            SearchHit best = index.search(new SearchQuery(ACME, null, TestAgent.EMBEDDER.embed(text), 1, SearchMode.VECTOR)).getFirst();
            assertThat(best.url()).as("the page found by the meaning of \"%s\"", text).isEqualTo(base + path);
            assertThat(best.text()).isEqualTo(text);
            assertThat(best.headingPath()).endsWith(heading);
        }));
    }

    @Test
    void aPageWithoutTextInTheMiddleOfASitemapFailsTheSourceWithItsReasonAndAResyncFinishesIt() {
        served.put("/help/shipping", "<html><body><nav>menu</nav></body></html>");
        KnowledgeSource added = knowledge.addWeb(ACME, SourceType.SITEMAP, base + "/sitemap.xml", "Help site");
        KnowledgeSource failed = awaitFinished(added.id());

        assertThat(failed.status()).isEqualTo(SourceStatus.FAILED);
        assertThat(failed.error()).isEqualTo("no text was found in " + base + "/help/shipping");
        assertThat(failed.chunks()).isZero();
        // As when pages were embedded one by one: the pages before the failing one are written, none after it.
        assertThat(sources.documents(added.id())).containsOnlyKeys(base + "/help/password", base + "/help/invoices");
        assertThat(index.count(ACME)).isEqualTo(3);

        served.put("/help/shipping", html("/help/shipping"));
        embedder.embedAllSizes.clear();
        knowledge.resync(ACME, added.id());
        KnowledgeSource ready = awaitFinished(added.id());
        int sections = PAGES.values().stream().mapToInt(Map::size).sum();
        assertThat(ready.status()).isEqualTo(SourceStatus.READY);
        assertThat(ready.chunks()).isEqualTo(sections).isEqualTo((int) index.count(ACME));
        assertThat(embedder.embedAllSizes).as("the two pages already written are not embedded again").containsExactly(sections - 3);
    }

    @Test
    void aPageThatVanishedFromTheSitemapLosesItsChunks() {
        KnowledgeSource added = knowledge.addWeb(ACME, SourceType.SITEMAP, base + "/sitemap.xml", "Help site");
        int before = awaitFinished(added.id()).chunks();

        sitemap = sitemap.stream().filter(p -> !p.equals("/help/export")).toList();
        knowledge.resync(ACME, added.id());
        KnowledgeSource ready = awaitFinished(added.id());
        assertThat(ready.status()).isEqualTo(SourceStatus.READY);
        assertThat(ready.chunks()).isEqualTo(before - 2).isEqualTo((int) index.count(ACME));
        assertThat(index.search(new SearchQuery(ACME, "export notes markdown zip", null, 10, SearchMode.BM25)))
                .extracting(SearchHit::url).doesNotContain(base + "/help/export");
    }
}
