package io.resolvehub.agent.ingest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.resolvehub.agent.FileFormat;
import io.resolvehub.agent.IngestionException;
import io.resolvehub.agent.KnowledgeSource;
import io.resolvehub.agent.SourceStatus;
import io.resolvehub.agent.SourceType;
import io.resolvehub.agent.TestAgent;
import io.resolvehub.core.Answer;
import io.resolvehub.core.AnswerRequest;
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

/**
 * zendesk_guide sources against an in-process fake of the Help Center API serving recorded article pages
 * ({@code src/test/resources/zendesk-guide/}): offset and cursor pagination, drafts, resyncs, broken help centers.
 */
class ZendeskGuideReaderTest {

    private static final TenantId ACME = new TenantId("acme");
    private static final String RESET = "360001001";
    private static final String BILLING = "360001002";
    private static final String DRAFT = "360001003";
    private static final String EXPORT = "360001004";
    private static final String DELETE = "360001005";

    private HttpServer server;
    private String base;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    /** After an edit in Guide: EXPORT rewritten (new updated_at), DELETE archived. */
    private volatile boolean edited;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/", this::helpCenterApi);
        server.start();
    }

    private void helpCenterApi(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery();
        requests.add(path + "?" + query);
        switch (path) {
            case "/api/v2/help_center/articles.json" -> json(exchange, 200, query.contains("page=2")
                    ? (edited ? "articles-page-2-edited.json" : "articles-page-2.json") : "articles-page-1.json");
            case "/api/v2/help_center/de/articles.json" -> json(exchange, 200,
                    query.contains("xxx1") ? "cursor-page-2.json" : "cursor-page-1.json");
            // What a help center behind a sign-in wall or a proxy answers: a page, not JSON.
            case "/api/v2/help_center/fr/articles.json" -> send(exchange, 200, "text/html; charset=utf-8",
                    "<html><body><h1>Sign in to Acme</h1></body></html>");
            case "/api/v2/help_center/nl/articles.json" -> send(exchange, 401, "application/json; charset=utf-8",
                    "{\"error\":\"Couldn't authenticate you\"}");
            default -> send(exchange, 404, "application/json; charset=utf-8",
                    "{\"error\":\"RecordNotFound\",\"description\":\"Not found\"}");
        }
    }

    private void json(HttpExchange exchange, int status, String sample) throws IOException {
        String body = new String(TestAgent.resource("zendesk-guide/" + sample), StandardCharsets.UTF_8).replace("{{base}}", base);
        send(exchange, status, "application/json; charset=utf-8", body);
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static KnowledgeSource source(String url) {
        return new KnowledgeSource("src_test", ACME, SourceType.ZENDESK_GUIDE, null, url, null, SourceStatus.INDEXING, 0,
                null, null, Instant.now(), Instant.now());
    }

    private static ZendeskGuideReader reader(int maxArticles) {
        return new ZendeskGuideReader(maxArticles, Duration.ZERO, Duration.ofSeconds(5), 1_000_000, "ResolveHubBot/0.1");
    }

    private String articleUrl(String id) {
        return switch (id) {
            case RESET -> base + "/hc/en-us/articles/360001001-Reset-your-password";
            case EXPORT -> base + "/hc/en-us/articles/360001004-Export-your-notes";
            case DELETE -> base + "/hc/en-us/articles/360001005-Delete-your-account";
            default -> throw new IllegalArgumentException(id);
        };
    }

    private static List<String> citedUrls(TestAgent agent, String question) {
        Answer answer = agent.engine.answer(new AnswerRequest(ACME, question, List.of()));
        return answer.citations().stream().map(c -> c.url()).toList();
    }

    @Test
    void theHelpCenterUrlNamesTheLocaleWhoseArticlesAreRead() {
        assertThat(ZendeskGuideReader.articlesEndpoint("https://acme.zendesk.com")).hasToString(
                "https://acme.zendesk.com/api/v2/help_center/articles.json?per_page=100");
        assertThat(ZendeskGuideReader.articlesEndpoint("https://acme.zendesk.com/hc/en-us")).hasToString(
                "https://acme.zendesk.com/api/v2/help_center/en-us/articles.json?per_page=100");
        assertThat(ZendeskGuideReader.articlesEndpoint("https://help.acme.com/hc/pt-BR/articles/123-Reset")).hasToString(
                "https://help.acme.com/api/v2/help_center/pt-br/articles.json?per_page=100");
        assertThat(ZendeskGuideReader.articlesEndpoint("https://acme.zendesk.com/hc/articles/123")).hasToString(
                "https://acme.zendesk.com/api/v2/help_center/articles.json?per_page=100");
    }

    @Test
    void everyPublishedArticleOfBothPagesIsOneHtmlDocumentKeyedByItsIdAndDraftsAndVideoOnlyArticlesAreSkipped() {
        List<SourceDocument> documents = reader(20).read(source(base), Map.of());

        assertThat(documents).extracting(SourceDocument::docKey).containsExactly(RESET, BILLING, EXPORT, DELETE);
        SourceDocument reset = documents.getFirst();
        assertThat(reset.url()).isEqualTo(articleUrl(RESET));
        assertThat(reset.title()).isEqualTo("Reset your password");
        assertThat(reset.format()).isEqualTo(FileFormat.HTML);
        assertThat(reset.etag()).isEqualTo("2026-10-01T08:00:00Z");
        ParsedDocument parsed = new HtmlParser().parse(reset.content(), null);
        assertThat(parsed.title()).isEqualTo("Reset your password");
        assertThat(parsed.blocks()).anySatisfy(b -> assertThat(b.text()).contains("Forgot password?"));
        assertThat(requests).containsExactly("/api/v2/help_center/articles.json?per_page=100",
                "/api/v2/help_center/articles.json?page=2&per_page=3");
    }

    @Test
    void cursorPaginationIsFollowedUntilTheApiHasNoMore() {
        List<SourceDocument> documents = reader(20).read(source(base + "/hc/de"), Map.of());

        assertThat(documents).extracting(SourceDocument::docKey).containsExactly("360002001", "360002002");
        assertThat(documents).extracting(SourceDocument::url).containsExactly(
                base + "/hc/de/articles/360002001-Passwort-zuruecksetzen", base + "/hc/de/articles/360002002-Notizen-exportieren");
        assertThat(requests).hasSize(2);
    }

    @Test
    void anArticleWithTheUpdatedAtIndexedLastTimeIsReportedUnchanged() {
        Map<String, KnowledgeSources.DocumentState> known = Map.of(
                RESET, new KnowledgeSources.DocumentState(RESET, "hash", "2026-10-01T08:00:00Z", 2),
                BILLING, new KnowledgeSources.DocumentState(BILLING, "hash", "2026-01-01T00:00:00Z", 2));
        List<SourceDocument> documents = reader(20).read(source(base), known);

        assertThat(documents).filteredOn(SourceDocument::unchanged).extracting(SourceDocument::docKey).containsExactly(RESET);
    }

    @Test
    void theArticleLimitStopsPaging() {
        assertThat(reader(2).read(source(base), Map.of())).extracting(SourceDocument::docKey).containsExactly(RESET, BILLING);
        assertThat(requests).hasSize(1);
    }

    @Test
    void aHelpCenterIsIndexedEndToEndAndEachAnswerCitesItsArticle() {
        try (TestAgent agent = new TestAgent(TestDatabase.H2, dir)) {
            KnowledgeSource added = agent.knowledge.addWeb(ACME, SourceType.ZENDESK_GUIDE, base, null);
            KnowledgeSource ready = agent.awaitFinished(ACME, added.id());

            assertThat(ready.status()).isEqualTo(SourceStatus.READY);
            assertThat(ready.title()).as("a help center is not named after one of its articles").isNull();
            assertThat(agent.sources.documents(added.id()).keySet()).containsExactlyInAnyOrder(RESET, BILLING, EXPORT, DELETE);
            assertThat(citedUrls(agent, "I forgot my password, how do I reset it?")).containsExactly(articleUrl(RESET));
            assertThat(citedUrls(agent, "how do I export my notes")).containsExactly(articleUrl(EXPORT));
            assertThat(citedUrls(agent, "How do I delete my account permanently?")).containsExactly(articleUrl(DELETE));
            assertThat(citedUrls(agent, "is there an offline mode for zeppelin notebooks")).doesNotContain(
                    base + "/hc/en-us/articles/360001003-Offline-mode-beta");
            assertThat(agent.sources.webSourcesFinishedBefore(Instant.now().plusSeconds(1)))
                    .as("the periodic re-sync reads help centers again").extracting(KnowledgeSource::id).contains(added.id());
        }
    }

    @Test
    void aResyncReEmbedsOnlyTheEditedArticleAndDropsTheArchivedOne() {
        try (TestAgent agent = new TestAgent(TestDatabase.H2, dir)) {
            String id = agent.knowledge.addWeb(ACME, SourceType.ZENDESK_GUIDE, base + "/", "Acme help center").id();
            KnowledgeSource first = agent.awaitFinished(ACME, id);
            assertThat(first.status()).isEqualTo(SourceStatus.READY);
            Map<String, KnowledgeSources.DocumentState> before = agent.sources.documents(id);
            long chunksBefore = agent.index.count(ACME);

            edited = true;
            agent.embedder.texts.set(0);
            agent.knowledge.resync(ACME, id);
            KnowledgeSource again = agent.awaitFinished(ACME, id);

            assertThat(again.status()).isEqualTo(SourceStatus.READY);
            Map<String, KnowledgeSources.DocumentState> after = agent.sources.documents(id);
            assertThat(after.keySet()).containsExactlyInAnyOrder(RESET, BILLING, EXPORT);
            assertThat(agent.embedder.texts.get()).as("only the edited article is embedded again")
                    .isEqualTo(after.get(EXPORT).chunks());
            assertThat(after.get(EXPORT).etag()).isEqualTo("2026-11-20T09:00:00Z");
            assertThat(agent.index.count(ACME)).isEqualTo(chunksBefore - before.get(DELETE).chunks()
                    - before.get(EXPORT).chunks() + after.get(EXPORT).chunks());
            assertThat(citedUrls(agent, "how do I delete my account")).doesNotContain(articleUrl(DELETE));
            assertThat(citedUrls(agent, "how do I export my notes")).containsExactly(articleUrl(EXPORT));
        }
    }

    @Test
    void aUrlThatIsNotAHelpCenterOrAPrivateOneFailsWithAReadableReason() {
        try (TestAgent agent = new TestAgent(TestDatabase.H2, dir)) {
            KnowledgeSource notFound = agent.awaitFinished(ACME,
                    agent.knowledge.addWeb(ACME, SourceType.ZENDESK_GUIDE, base + "/hc/xx", null).id());
            KnowledgeSource notJson = agent.awaitFinished(ACME,
                    agent.knowledge.addWeb(ACME, SourceType.ZENDESK_GUIDE, base + "/hc/fr", null).id());

            assertThat(notFound.status()).isEqualTo(SourceStatus.FAILED);
            assertThat(notFound.error()).contains("answered HTTP 404").contains("is a Zendesk help center");
            assertThat(notJson.status()).isEqualTo(SourceStatus.FAILED);
            assertThat(notJson.error()).contains("did not answer JSON (text/html").contains("Zendesk help center");
            KnowledgeSource signIn = agent.awaitFinished(ACME,
                    agent.knowledge.addWeb(ACME, SourceType.ZENDESK_GUIDE, base + "/hc/nl", null).id());
            assertThat(signIn.status()).isEqualTo(SourceStatus.FAILED);
            assertThat(signIn.error()).contains("HTTP 401").contains("private help centers are not supported yet");
            assertThat(agent.index.count(ACME)).isZero();
        }
    }

    @Test
    void aPageThatFailsMidwayFailsTheReadRatherThanDroppingTheArticlesItWouldHaveListed() {
        server.removeContext("/");
        server.createContext("/", exchange -> {
            if (exchange.getRequestURI().getRawQuery().contains("page=2")) {
                send(exchange, 503, "text/plain", "maintenance");
            } else {
                json(exchange, 200, "articles-page-1.json");
            }
        });
        assertThatThrownBy(() -> reader(20).read(source(base), Map.of()))
                .isInstanceOf(IngestionException.class).hasMessageContaining("answered HTTP 503");
    }
}
