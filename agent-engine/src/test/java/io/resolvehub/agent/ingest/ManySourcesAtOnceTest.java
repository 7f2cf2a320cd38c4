package io.resolvehub.agent.ingest;

import io.resolvehub.agent.Embedder;
import io.resolvehub.agent.IndexedChunk;
import io.resolvehub.agent.KnowledgeBase;
import io.resolvehub.agent.KnowledgeIndex;
import io.resolvehub.agent.KnowledgeSource;
import io.resolvehub.agent.SearchHit;
import io.resolvehub.agent.SearchMode;
import io.resolvehub.agent.SearchQuery;
import io.resolvehub.agent.SourceProgress;
import io.resolvehub.agent.SourceStatus;
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
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A help center added as many small sources, one after another: the sources index at once, share the model's calls
 * and the index's commits, each becomes ready only when it is searchable, each reports its passages, and a source
 * whose text the model refuses fails alone while every other source's chunks arrive.
 */
class ManySourcesAtOnceTest {

    private static final TenantId ACME = new TenantId("acme");
    private static final int SOURCES = 40;
    private static final int WORKERS = 16;
    /** The source whose text the model refuses: the last added, so the group retried request by request is small. */
    private static final int POISONED = SOURCES - 1;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void manySmallSourcesShareModelCallsAndCommitsAndAllBecomeSearchable(TestDatabase database) {
        DataSource dataSource = database.freshDataSource("classpath:db/migration/core", "classpath:db/migration/agent");
        KnowledgeSources sources = new KnowledgeSources(dataSource, new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
        ModelRefusingPoison model = new ModelRefusingPoison(sources);
        CountingRefreshes index = new CountingRefreshes(new LuceneKnowledgeIndex(dir.resolve("index")));
        Ingestor ingestor = new Ingestor(sources, index, model, new Parsers(50), new Chunker(180),
                new WebReader(20, 2, Duration.ZERO, Duration.ofSeconds(5), 1_000_000, "ResolveHubBot/0.1"), WORKERS, 100);
        try {
            KnowledgeBase knowledge = new KnowledgeBase(sources, index, ingestor);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < SOURCES; i++) {
                String text = i == POISONED ? "This article holds a poison word the model refuses to read."
                        : "Article " + i + " explains the setting quasar" + i + ". Open the settings page, choose quasar" + i
                        + " and save; the change applies to every workspace member within a minute.";
                ids.add(knowledge.addText(ACME, "Article " + i, text).id());
            }
            // while they index, every source the table calls ready must already be found by a search
            List<String> readyButNotFound = new ArrayList<>();
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20)).until(() -> {
                List<KnowledgeSource> now = sources.list(ACME);
                for (KnowledgeSource source : now) {
                    int i = ids.indexOf(source.id());
                    if (source.status() == SourceStatus.READY && index.search(new SearchQuery(ACME, "quasar" + i, null, 1,
                            SearchMode.BM25)).isEmpty()) {
                        readyButNotFound.add(source.id());
                    }
                }
                return now.stream().allMatch(s -> s.status() == SourceStatus.READY || s.status() == SourceStatus.FAILED);
            });

            KnowledgeSource poisoned = sources.find(ACME, ids.get(POISONED)).orElseThrow();
            assertThat(poisoned.status()).isEqualTo(SourceStatus.FAILED);
            assertThat(poisoned.error()).contains("unexpected error while indexing");
            int chunks = 0;
            for (int i = 0; i < SOURCES; i++) {
                if (i == POISONED) continue;
                KnowledgeSource ready = sources.find(ACME, ids.get(i)).orElseThrow();
                assertThat(ready.status()).as("article " + i).isEqualTo(SourceStatus.READY);
                assertThat(ready.chunks()).isEqualTo(1);
                assertThat(ready.progress()).isEqualTo(new SourceProgress(1, 1, SourceProgress.Unit.PASSAGES));
                List<SearchHit> hits = index.search(new SearchQuery(ACME, "quasar" + i, null, 1, SearchMode.BM25));
                assertThat(hits).as("article " + i + " searchable").extracting(SearchHit::sourceId).containsExactly(ids.get(i));
                chunks += ready.chunks();
            }
            assertThat(index.count(ACME)).isEqualTo(chunks);
            // one text per source: alone, 40 calls; the group that held the poison was run again request by request
            assertThat(model.calls.stream().filter(texts -> texts > 1).count()).as("model calls shared by sources: " + model.calls)
                    .isPositive().isLessThanOrEqualTo(SOURCES / 4);
            assertThat(model.calls).hasSizeLessThanOrEqualTo(SOURCES / 4 + WORKERS + 1);
            assertThat(index.refreshes.get()).as("commits shared by the sources finishing together").isLessThanOrEqualTo(SOURCES / 2);
            assertThat(readyButNotFound).as("no source ready before a commit made it searchable").isEmpty();
        } finally {
            ingestor.close();
            index.close();
        }
    }

    /**
     * The real model, refusing any batch with the word "poison"; its first call waits until every worker holds a
     * source, so the sources behind it queue up as they would behind a busy model.
     */
    private static final class ModelRefusingPoison implements Embedder {
        final List<Integer> calls = new CopyOnWriteArrayList<>();
        private final KnowledgeSources sources;

        ModelRefusingPoison(KnowledgeSources sources) {
            this.sources = sources;
        }

        public int dimension() {
            return TestAgent.EMBEDDER.dimension();
        }

        public float[] embed(String text) {
            return embedAll(List.of(text)).getFirst();
        }

        public List<float[]> embedAll(List<String> texts) {
            if (calls.isEmpty()) {
                await().atMost(Duration.ofSeconds(30)).until(() -> sources.list(ACME).stream()
                        .filter(s -> s.status() == SourceStatus.INDEXING).count() == WORKERS);
            }
            calls.add(texts.size());
            if (texts.stream().anyMatch(t -> t.contains("poison"))) {
                throw new IllegalStateException("the model cannot read this text");
            }
            return TestAgent.EMBEDDER.embedAll(texts);
        }
    }

    /** The Lucene index, counting commits. */
    private static final class CountingRefreshes implements KnowledgeIndex {
        final AtomicInteger refreshes = new AtomicInteger();
        private final KnowledgeIndex delegate;

        CountingRefreshes(KnowledgeIndex delegate) {
            this.delegate = delegate;
        }

        public void add(List<IndexedChunk> chunks) {
            delegate.add(chunks);
        }

        public void deleteSource(TenantId tenant, String sourceId) {
            delegate.deleteSource(tenant, sourceId);
        }

        public void deleteDocument(TenantId tenant, String sourceId, String docKey) {
            delegate.deleteDocument(tenant, sourceId, docKey);
        }

        public void refresh() {
            refreshes.incrementAndGet();
            delegate.refresh();
        }

        public List<SearchHit> search(SearchQuery query) {
            return delegate.search(query);
        }

        public Map<String, Long> chunkFrequencies(TenantId tenant, Collection<String> terms) {
            return delegate.chunkFrequencies(tenant, terms);
        }

        public Map<String, String> spellingSuggestions(TenantId tenant, Collection<String> terms) {
            return delegate.spellingSuggestions(tenant, terms);
        }

        public long count(TenantId tenant) {
            return delegate.count(tenant);
        }

        public void close() {
            delegate.close();
        }
    }
}
