package io.resolvehub.agent;

import io.resolvehub.agent.LoopbackSite.Response;
import io.resolvehub.agent.index.LuceneKnowledgeIndex;
import io.resolvehub.agent.ingest.Chunker;
import io.resolvehub.agent.ingest.Ingestor;
import io.resolvehub.agent.ingest.KnowledgeSources;
import io.resolvehub.agent.ingest.Parsers;
import io.resolvehub.agent.ingest.WebReader;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The periodic re-sync driven directly (fixed clocks, no scheduler): a local help site behind a loopback HTTP server that
 * answers ETags, the real WebReader, MiniLM and Lucene, and the counting embedder to see what a run costs.
 */
class KnowledgeResyncTest {

    private static final TenantId ACME = new TenantId("acme");
    private static final TenantId GLOBEX = new TenantId("globex");
    private static final Duration DAY = Duration.ofDays(1);

    @TempDir
    Path dir;

    private LoopbackSite site;
    private String base;
    private final Map<String, String> pages = new ConcurrentHashMap<>();
    private TestAgent agent;
    private final CountDownLatch slowEntered = new CountDownLatch(1);
    private final CountDownLatch slowRelease = new CountDownLatch(1);

    @BeforeEach
    void startSite() {
        pages.put("/help/password", page("Forgotten password", "Reset your password with the Forgot password link."));
        pages.put("/help/refunds", page("Refund timing", "Refunds are issued to the original card within fourteen days."));
        pages.put("/help/shipping", page("Delivery times", "Orders ship within two business days from Rotterdam."));
        site = new LoopbackSite().allowAllRobots()
                .sitemap("/sitemap.xml", () -> List.of("/help/password", "/help/refunds"))
                .serve("/help/slow", () -> {
                    slowEntered.countDown();
                    hold(slowRelease);
                    return Response.html(page("Slow page", "This page answers once the test lets it."));
                });
        pages.keySet().forEach(path -> site.serve(path, () -> pages.containsKey(path) ? Response.htmlWithEtag(pages.get(path)) : null));
        base = site.base();
    }

    @AfterEach
    void stop() {
        slowRelease.countDown();
        if (agent != null) {
            agent.close();
        }
        site.close();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aPeriodicRunQueuesOnlyWebSourcesLastIndexedLongerAgoThanTheIntervalAndAnUnchangedSiteEmbedsNothing(TestDatabase database) {
        agent = new TestAgent(database, dir);
        String sitemap = agent.knowledge.addWeb(ACME, SourceType.SITEMAP, base + "/sitemap.xml", "Help center").id();
        String url = agent.knowledge.addWeb(GLOBEX, SourceType.URL, base + "/help/shipping", null).id();
        String broken = agent.knowledge.addWeb(ACME, SourceType.URL, base + "/help/gone", null).id();
        String text = agent.knowledge.addText(ACME, "Returns", "Returns are free within thirty days.").id();
        String file = agent.knowledge.addFile(ACME, null, "faq.md", null, "# FAQ\n\nDark mode is under Appearance.".getBytes()).id();
        agent.awaitIdle();
        assertThat(agent.sources.find(ACME, sitemap).orElseThrow().status()).isEqualTo(SourceStatus.READY);
        assertThat(agent.sources.find(GLOBEX, url).orElseThrow().status()).isEqualTo(SourceStatus.READY);
        assertThat(agent.sources.find(ACME, broken).orElseThrow().status()).isEqualTo(SourceStatus.FAILED);
        Map<String, Instant> untouched = updatedAt(List.of(text, file));

        // Indexed just now: not due within a day.
        assertThat(resyncAt(Instant.now()).resyncDue()).isEqualTo(new KnowledgeResync.Outcome(0, 0));

        agent.embedder.texts.set(0);
        KnowledgeResync.Outcome outcome = resyncAt(Instant.now().plus(DAY).plusSeconds(60)).resyncDue();
        assertThat(outcome).as("the sitemap, the url and the failed url; never the text or the file")
                .isEqualTo(new KnowledgeResync.Outcome(3, 0));
        agent.awaitIdle();
        assertThat(agent.embedder.texts.get()).as("texts embedded by a re-sync of an unchanged site").isZero();
        assertThat(agent.sources.find(ACME, sitemap).orElseThrow().status()).isEqualTo(SourceStatus.READY);
        assertThat(agent.sources.find(GLOBEX, url).orElseThrow().status()).isEqualTo(SourceStatus.READY);
        assertThat(agent.sources.find(ACME, broken).orElseThrow().status()).isEqualTo(SourceStatus.FAILED);
        assertThat(updatedAt(List.of(text, file))).as("text and file sources are never re-synced").isEqualTo(untouched);
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = "H2")
    void aChangedPageIsReindexedByTheNextRunWhileItsUnchangedNeighboursKeepTheirChunks(TestDatabase database) {
        agent = new TestAgent(database, dir);
        String sitemap = agent.knowledge.addWeb(ACME, SourceType.SITEMAP, base + "/sitemap.xml", "Help center").id();
        agent.awaitIdle();
        Map<String, String> before = hashes(sitemap);
        assertThat(before).hasSize(2);

        pages.put("/help/refunds", page("Refund timing", "Refunds now reach the original card within five days."));
        agent.embedder.texts.set(0);
        assertThat(resyncAt(Instant.now().plus(DAY).plusSeconds(60)).resyncDue().queued()).isEqualTo(1);
        agent.awaitIdle();

        Map<String, String> after = hashes(sitemap);
        assertThat(agent.embedder.texts.get()).as("texts embedded: the changed page's chunks only").isPositive();
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((key, hash) -> assertThat(after.get(key)).as(key)
                .satisfies(now -> assertThat(now.equals(hash)).isEqualTo(!key.contains("/help/refunds"))));
        assertThat(agent.sources.find(ACME, sitemap).orElseThrow().status()).isEqualTo(SourceStatus.READY);
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = "H2")
    void aZeroIntervalDisablesThePeriodicResync(TestDatabase database) {
        agent = new TestAgent(database, dir);
        agent.knowledge.addWeb(ACME, SourceType.URL, base + "/help/shipping", null);
        agent.awaitIdle();
        KnowledgeResync disabled = new KnowledgeResync(agent.sources, agent.knowledge, Duration.ZERO,
                Clock.fixed(Instant.now().plus(Duration.ofDays(365)), ZoneOffset.UTC));
        assertThat(disabled.interval().isPositive()).as("the scheduler skips it").isFalse();
        assertThat(disabled.resyncDue()).isEqualTo(new KnowledgeResync.Outcome(0, 0));
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = "H2")
    void whenTheIngestionQueueIsFullTheRunStopsAndTheRestWaitUnchangedForTheNextRun(TestDatabase database) {
        DataSource dataSource = database.freshDataSource("classpath:db/migration/core", "classpath:db/migration/agent");
        KnowledgeSources sources = new KnowledgeSources(dataSource, new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
        LuceneKnowledgeIndex index = new LuceneKnowledgeIndex(dir.resolve("busy-index"));
        // One worker and a queue of one place.
        Ingestor ingestor = new Ingestor(sources, index, TestAgent.EMBEDDER, new Parsers(50), new Chunker(180),
                new WebReader(20, 2, Duration.ZERO, Duration.ofSeconds(30), 1_000_000, "ResolveHubBot/0.1"), 1, 1);
        KnowledgeBase knowledge = new KnowledgeBase(sources, index, ingestor);
        try {
            List<String> ids = new ArrayList<>();
            for (String path : List.of("/help/password", "/help/refunds", "/help/shipping")) {
                ids.add(knowledge.addWeb(ACME, SourceType.URL, base + path, null).id());
                await().atMost(Duration.ofSeconds(60)).until(ingestor::idle);
            }
            // The worker is held inside the fetch of the slow page: the queue's one place is free.
            knowledge.addWeb(ACME, SourceType.URL, base + "/help/slow", null);
            assertThat(awaitLatch(slowEntered)).as("the worker is fetching the slow page").isTrue();

            KnowledgeResync resync = new KnowledgeResync(sources, knowledge, DAY,
                    Clock.fixed(Instant.now().plus(DAY).plusSeconds(60), ZoneOffset.UTC));
            assertThat(resync.resyncDue()).isEqualTo(new KnowledgeResync.Outcome(1, 2));
            assertThat(ids.stream().map(id -> sources.find(ACME, id).orElseThrow().status()))
                    .as("the oldest is queued, the two others keep their status")
                    .containsExactly(SourceStatus.PENDING, SourceStatus.READY, SourceStatus.READY);

            Instant waitedSince = sources.find(ACME, ids.get(1)).orElseThrow().updatedAt();
            slowRelease.countDown();
            await().atMost(Duration.ofSeconds(60)).until(ingestor::idle);
            // The next run starts with the oldest, so a source that waited is re-synced before one just re-synced.
            assertThat(resync.resyncDue().queued()).isPositive();
            await().atMost(Duration.ofSeconds(60)).until(ingestor::idle);
            assertThat(sources.find(ACME, ids.get(1)).orElseThrow().updatedAt()).as("re-synced by the next run")
                    .isAfter(waitedSince);
        } finally {
            slowRelease.countDown();
            ingestor.close();
            index.close();
        }
    }

    private static boolean awaitLatch(CountDownLatch latch) {
        try {
            return latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void hold(CountDownLatch latch) {
        if (!awaitLatch(latch)) {
            throw new IllegalStateException("the test never released the slow page");
        }
    }

    private KnowledgeResync resyncAt(Instant now) {
        return new KnowledgeResync(agent.sources, agent.knowledge, DAY, Clock.fixed(now, ZoneOffset.UTC));
    }

    private Map<String, Instant> updatedAt(List<String> ids) {
        return ids.stream().collect(Collectors.toMap(id -> id, id -> agent.sources.find(ACME, id).orElseThrow().updatedAt()));
    }

    private Map<String, String> hashes(String sourceId) {
        return agent.sources.documents(sourceId).values().stream()
                .collect(Collectors.toMap(KnowledgeSources.DocumentState::docKey, KnowledgeSources.DocumentState::contentHash));
    }

    private static String page(String heading, String text) {
        return "<html><head><title>" + heading + "</title></head><body><main><h1>" + heading + "</h1><p>" + text
                + "</p></main></body></html>";
    }
}
