package io.resolvehub.agent;

import io.resolvehub.agent.index.LuceneKnowledgeIndex;
import io.resolvehub.agent.ingest.Chunker;
import io.resolvehub.agent.ingest.Ingestor;
import io.resolvehub.agent.ingest.KnowledgeSources;
import io.resolvehub.agent.ingest.Parsers;
import io.resolvehub.agent.ingest.WebReader;
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
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Resync against a full ingestion queue: one worker held inside the embedder and a queue of one, filled by a second
 * source, so the queue refuses the next submit every time.
 */
class KnowledgeBaseResyncTest {

    private static final TenantId ACME = new TenantId("acme");
    /** A zip header in a file named .md: ingestion fails it with a readable reason, without embedding anything. */
    private static final byte[] BINARY = {0x50, 0x4b, 0x03, 0x04, 0, 0, (byte) 0xff, 0x13};

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aResyncRefusedByAFullQueueLeavesTheSourceAsItWasAndCanBeRetriedOnceTheQueueDrains(TestDatabase database) throws Exception {
        DataSource dataSource = database.freshDataSource("classpath:db/migration/core", "classpath:db/migration/agent");
        KnowledgeSources sources = new KnowledgeSources(dataSource, new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
        GatedEmbedder embedder = new GatedEmbedder(TestAgent.EMBEDDER);
        KnowledgeIndex index = new LuceneKnowledgeIndex(dir.resolve("index"));
        Ingestor ingestor = new Ingestor(sources, index, embedder, new Parsers(50), new Chunker(180),
                new WebReader(20, 2, Duration.ZERO, Duration.ofSeconds(5), 1_000_000, "ResolveHubBot/0.1"), 1, 1);
        KnowledgeBase knowledge = new KnowledgeBase(sources, index, ingestor);
        try {
            String readyId = knowledge.addText(ACME, "Refunds", "Refunds are issued within 14 days of purchase.").id();
            String failedId = knowledge.addFile(ACME, null, "notes.md", null, BINARY).id();
            KnowledgeSource ready = awaitFinished(sources, readyId);
            KnowledgeSource failed = awaitFinished(sources, failedId);
            assertThat(ready.status()).isEqualTo(SourceStatus.READY);
            assertThat(ready.chunks()).isPositive();
            assertThat(failed.status()).isEqualTo(SourceStatus.FAILED);
            assertThat(failed.error()).contains("holds binary data");

            embedder.close();
            String indexingId = knowledge.addText(ACME, "Shipping", "Orders ship within two working days.").id();
            assertThat(embedder.entered.await(60, TimeUnit.SECONDS)).as("the worker reached the embedder").isTrue();
            // The worker has taken "Shipping" off the queue and waits; "Returns" takes the queue's only place.
            String queuedId = knowledge.addText(ACME, "Returns", "Returns are free within 30 days.").id();

            for (KnowledgeSource before : List.of(failed, ready)) {
                assertThatThrownBy(() -> knowledge.resync(ACME, before.id()))
                        .as(before.title())
                        .isInstanceOf(IngestionBusyException.class)
                        .hasMessageContaining("nothing was changed")
                        .hasMessageContaining("Retry the resync");
                KnowledgeSource after = sources.find(ACME, before.id()).orElseThrow();
                assertThat(after.status()).as(before.title()).isEqualTo(before.status());
                assertThat(after.chunks()).as(before.title()).isEqualTo(before.chunks());
                assertThat(after.error()).as(before.title()).isEqualTo(before.error());
            }
            assertThat(index.count(ACME)).as("chunks in the index").isEqualTo(ready.chunks());

            embedder.open();
            assertThat(awaitFinished(sources, indexingId).status()).isEqualTo(SourceStatus.READY);
            assertThat(awaitFinished(sources, queuedId).status()).isEqualTo(SourceStatus.READY);

            // Nothing is stuck: once the queue has drained, the same resyncs are accepted and run to the same ends
            // (each is pending when resync returns, so waiting for ready/failed waits for the resync's own run).
            // A source reads ready a moment before its worker is free again: until then a resync is refused as busy.
            await().atMost(Duration.ofSeconds(60)).ignoreExceptionsInstanceOf(IngestionBusyException.class)
                    .until(() -> knowledge.resync(ACME, failedId).isPresent());
            await().atMost(Duration.ofSeconds(60)).ignoreExceptionsInstanceOf(IngestionBusyException.class)
                    .until(() -> knowledge.resync(ACME, readyId).isPresent());
            assertThat(awaitFinished(sources, failedId))
                    .extracting(KnowledgeSource::status, KnowledgeSource::error)
                    .containsExactly(SourceStatus.FAILED, failed.error());
            assertThat(awaitFinished(sources, readyId))
                    .extracting(KnowledgeSource::status, KnowledgeSource::chunks)
                    .containsExactly(SourceStatus.READY, ready.chunks());
        } finally {
            embedder.open();
            ingestor.close();
            index.close();
        }
    }

    private static KnowledgeSource awaitFinished(KnowledgeSources sources, String id) {
        return await().atMost(Duration.ofSeconds(60))
                .until(() -> sources.find(ACME, id).orElseThrow(),
                        s -> s.status() == SourceStatus.READY || s.status() == SourceStatus.FAILED);
    }

    /** An embedder that, once closed, holds every caller until it is opened again. */
    private static final class GatedEmbedder implements Embedder {
        private final Embedder delegate;
        final CountDownLatch entered = new CountDownLatch(1);
        private final CountDownLatch gate = new CountDownLatch(1);
        private volatile boolean closed;

        GatedEmbedder(Embedder delegate) {
            this.delegate = delegate;
        }

        void close() {
            closed = true;
        }

        void open() {
            gate.countDown();
        }

        @Override
        public int dimension() {
            return delegate.dimension();
        }

        @Override
        public float[] embed(String text) {
            return delegate.embed(text);
        }

        @Override
        public List<float[]> embedAll(List<String> texts) {
            if (closed) {
                entered.countDown();
                try {
                    if (!gate.await(60, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("the test never opened the embedder");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            return delegate.embedAll(texts);
        }
    }
}
