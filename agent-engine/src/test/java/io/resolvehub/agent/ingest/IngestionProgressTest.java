package io.resolvehub.agent.ingest;

import io.resolvehub.agent.Embedder;
import io.resolvehub.agent.KnowledgeBase;
import io.resolvehub.agent.KnowledgeSource;
import io.resolvehub.agent.SourceProgress;
import io.resolvehub.agent.SourceStatus;
import io.resolvehub.agent.SourceType;
import io.resolvehub.agent.TestAgent;
import io.resolvehub.agent.index.LuceneKnowledgeIndex;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.testing.TestDatabase;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * While a source indexes, the sources table says how far it is, as any hub instance's page reads it: passages
 * embedded of a document's passages, or pages done of a crawl's pages, written in at most fifty steps.
 */
class IngestionProgressTest {

    private static final TenantId ACME = new TenantId("acme");

    @TempDir
    Path dir;

    private static KnowledgeSources sources(TestDatabase database) {
        DataSource dataSource = database.freshDataSource("classpath:db/migration/core", "classpath:db/migration/agent");
        return new KnowledgeSources(dataSource, new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aDocumentReportsItsPassagesEmbeddedOfItsTotalBeforeEachGroup(TestDatabase database) {
        KnowledgeSources sources = sources(database);
        List<SourceProgress> seenByTheModel = new CopyOnWriteArrayList<>();
        Embedder watching = new Embedder() {
            public int dimension() {
                return TestAgent.EMBEDDER.dimension();
            }

            public float[] embed(String text) {
                return TestAgent.EMBEDDER.embed(text);
            }

            public List<float[]> embedAll(List<String> texts) {
                seenByTheModel.add(sources.list(ACME).getFirst().progress());
                return TestAgent.EMBEDDER.embedAll(texts);
            }
        };
        LuceneKnowledgeIndex index = new LuceneKnowledgeIndex(dir.resolve("index"));
        Ingestor ingestor = new Ingestor(sources, index, watching, new Parsers(50), new Chunker(20),
                new WebReader(20, 2, Duration.ZERO, Duration.ofSeconds(5), 1_000_000, "ResolveHubBot/0.1"), 1, 10, 8);
        try {
            String text = String.join("\n\n", IntStream.range(0, 40).mapToObj(i -> "Section " + i
                    + " explains how the plan number " + i + " is billed at the end of every month.").toList());
            String id = new KnowledgeBase(sources, index, ingestor).addText(ACME, "Plans", text).id();
            await().atMost(Duration.ofSeconds(60)).until(() -> sources.find(ACME, id).orElseThrow().status() == SourceStatus.READY);

            KnowledgeSource ready = sources.find(ACME, id).orElseThrow();
            int total = ready.chunks();
            assertThat(total).as("enough passages for several groups of 8").isGreaterThan(24);
            List<SourceProgress> expected = new ArrayList<>();
            for (int done = 0; done < total; done += 8) {
                expected.add(new SourceProgress(done, total, SourceProgress.Unit.PASSAGES));
            }
            assertThat(seenByTheModel).containsExactlyElementsOf(expected);
            assertThat(ready.progress()).isEqualTo(new SourceProgress(total, total, SourceProgress.Unit.PASSAGES));
        } finally {
            ingestor.close();
            index.close();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aCrawlCountsPagesInAtMostFiftyWritesAndReadyRecordsTheLast(TestDatabase database) {
        KnowledgeSources sources = sources(database);
        KnowledgeSource crawl = new KnowledgeSource("src_crawl", ACME, SourceType.SITEMAP, "Help", "https://help.example.test/sitemap.xml",
                null, SourceStatus.INDEXING, 0, null, null, Instant.now(), Instant.now());
        sources.insert(crawl, null);
        sources.setProgress(crawl.id(), 7, 7);   // the last run's figures

        sources.startIndexing(crawl.id());
        IngestionProgress progress = IngestionProgress.of(sources, crawl);
        assertThat(stored(sources)).as("a new run starts from nothing").isEqualTo(new SourceProgress(0, 0, SourceProgress.Unit.PAGES));
        progress.documentsRead(120);
        assertThat(stored(sources)).isEqualTo(new SourceProgress(0, 120, SourceProgress.Unit.PAGES));
        List<Integer> written = new ArrayList<>();
        for (int page = 1; page <= 120; page++) {
            progress.documentDone();
            progress.passagesEmbedded(3);   // counted in pages for a crawl
            int done = stored(sources).done();
            if (written.isEmpty() || written.getLast() != done) written.add(done);
        }
        assertThat(written).hasSizeLessThanOrEqualTo(IngestionProgress.STEPS).startsWith(0, 3, 6).endsWith(114, 117);
        assertThat(sources.setReady(crawl.id(), 360)).isTrue();
        assertThat(stored(sources)).as("all done, with ready").isEqualTo(new SourceProgress(120, 120, SourceProgress.Unit.PAGES));
    }

    private static SourceProgress stored(KnowledgeSources sources) {
        return sources.find(ACME, "src_crawl").orElseThrow().progress();
    }
}
