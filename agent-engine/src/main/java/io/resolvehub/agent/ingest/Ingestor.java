package io.resolvehub.agent.ingest;

import io.resolvehub.agent.Embedder;
import io.resolvehub.agent.IngestionException;
import io.resolvehub.agent.KnowledgeIndex;
import io.resolvehub.agent.KnowledgeSource;
import io.resolvehub.agent.SourceStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Indexes sources in the background, {@code threads} at a time: {@code pending → indexing → ready | failed}. Request
 * threads only enqueue; a source's documents are indexed by {@link SourceIndexer}. The sources being indexed share
 * the model ({@link SharedModelBatches}: their chunks go to the model together, in full batches) and the index
 * refresh ({@link GroupedRefresh}: one commit makes many sources searchable), so many small sources index at about
 * the model's rate; the workers are virtual threads, since they mostly wait for the model, the database or a web
 * site. A source is {@code ready} only once a refresh after its writes has made it searchable. A failure leaves the
 * index as it was and the source {@code failed} with a readable reason; sources a crash left unfinished are started
 * again by {@link #resumeUnfinished()}.
 */
public final class Ingestor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Ingestor.class);
    /**
     * Chunk texts per {@code embedAll} call, across the documents of a source: a multiple of the model batch of 8, so
     * every batch is full, and large enough that sorting by length leaves little padding (AgentBenchmark: 256 spends
     * about 95% of the raw model's CPU time per chunk, 64 about 88%), while a group's texts and vectors stay well
     * under a megabyte.
     */
    public static final int EMBED_GROUP = 256;
    /**
     * How long the model waits for more sources' chunks when fewer than a group are queued: long enough for the
     * workers indexing small sources to queue theirs, short beside a group's model time (seconds).
     */
    static final Duration MODEL_LINGER = Duration.ofMillis(10);
    /**
     * How long a refresh waits for more finished sources to share it: small beside a source's indexing, long enough
     * that the sources finishing with one model group share one commit.
     */
    static final Duration REFRESH_LINGER = Duration.ofMillis(50);

    private final KnowledgeSources sources;
    private final KnowledgeIndex index;
    private final SourceIndexer indexer;
    private final SharedModelBatches model;
    private final GroupedRefresh refresh;
    private final ThreadPoolExecutor executor;
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    /** Queued or being indexed by this process; never mistaken for work a crash left unfinished. */
    private final Set<String> active = ConcurrentHashMap.newKeySet();

    /** With a Zendesk Guide reader on the default crawl limits (the hub configures its own; see the other constructor). */
    public Ingestor(KnowledgeSources sources, KnowledgeIndex index, Embedder embedder, Parsers parsers, Chunker chunker,
                    DocumentReader webReader, int threads, int queueCapacity) {
        this(sources, index, embedder, parsers, chunker, webReader,
                new ZendeskGuideReader(200, Duration.ofMillis(500), Duration.ofSeconds(10), 5_000_000, "ResolveHubBot/0.1"),
                threads, queueCapacity);
    }

    /**
     * @param webReader   reads url and sitemap sources
     * @param guideReader reads zendesk_guide sources
     */
    public Ingestor(KnowledgeSources sources, KnowledgeIndex index, Embedder embedder, Parsers parsers, Chunker chunker,
                    DocumentReader webReader, DocumentReader guideReader, int threads, int queueCapacity) {
        this(sources, index, embedder, parsers, chunker, webReader, guideReader, threads, queueCapacity, EMBED_GROUP);
    }

    /** @param embedGroup chunk texts per {@code embedAll} call (tests use small groups to see documents span groups) */
    Ingestor(KnowledgeSources sources, KnowledgeIndex index, Embedder embedder, Parsers parsers, Chunker chunker,
             DocumentReader webReader, int threads, int queueCapacity, int embedGroup) {
        this(sources, index, embedder, parsers, chunker, webReader, null, threads, queueCapacity, embedGroup);
    }

    private Ingestor(KnowledgeSources sources, KnowledgeIndex index, Embedder embedder, Parsers parsers, Chunker chunker,
                     DocumentReader webReader, DocumentReader guideReader, int threads, int queueCapacity, int embedGroup) {
        this.sources = sources;
        this.index = index;
        this.model = new SharedModelBatches(embedder, embedGroup, MODEL_LINGER);
        this.refresh = new GroupedRefresh(index, REFRESH_LINGER);
        this.indexer = new SourceIndexer(sources, index, model, parsers, chunker, webReader, guideReader, embedGroup);
        this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queueCapacity),
                Thread.ofVirtual().name("ingest-", 0).factory());
    }

    /**
     * Queues a source for indexing. A source already queued is not queued twice.
     *
     * @throws java.util.concurrent.RejectedExecutionException when the queue is full (the caller answers 429/503)
     */
    public void submit(String sourceId) {
        if (queued.add(sourceId)) {
            active.add(sourceId);
            try {
                executor.execute(() -> {
                    queued.remove(sourceId);
                    try {
                        process(sourceId);
                    } finally {
                        active.remove(sourceId);
                    }
                });
            } catch (RuntimeException e) {
                queued.remove(sourceId);
                active.remove(sourceId);
                throw e;
            }
        }
    }

    /** Starts again every source a crash or shutdown left {@code pending} or {@code indexing}, from scratch. */
    public int resumeUnfinished() {
        // Sources this process is already working on are not unfinished by a crash: redoing one would delete its
        // chunks while it is being indexed.
        List<KnowledgeSource> unfinished = sources.unfinished().stream().filter(s -> !active.contains(s.id())).toList();
        for (KnowledgeSource source : unfinished) {
            if (source.status() == SourceStatus.INDEXING) {
                // Half-written chunks may or may not have been committed: drop them and the document hashes, redo all.
                index.deleteSource(source.tenant(), source.id());
                sources.deleteDocuments(source.id());
            }
            sources.setStatus(source.id(), SourceStatus.PENDING, null, null);
            submit(source.id());
        }
        if (!unfinished.isEmpty()) {
            index.refresh();
            log.info("Resuming ingestion of {} unfinished knowledge source(s)", unfinished.size());
        }
        return unfinished.size();
    }

    void process(String sourceId) {
        Optional<KnowledgeSource> found = sources.find(sourceId);
        if (found.isEmpty()) {
            return;   // deleted while queued
        }
        KnowledgeSource source = found.get();
        sources.startIndexing(sourceId);
        try {
            int chunks = indexer.index(source);
            refresh.awaitRefresh();
            if (!sources.setReady(sourceId, chunks)) {
                index.deleteSource(source.tenant(), sourceId);   // deleted while indexing: leave nothing behind
                refresh.awaitRefresh();
            }
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                return;   // shutting down: the source stays indexing and is redone on the next start
            }
            fail(source, e);
        }
    }

    private void fail(KnowledgeSource source, RuntimeException e) {
        String reason;
        if (e instanceof IngestionException) {
            log.info("Knowledge source {} of tenant {} failed: {}", source.id(), source.tenant(), e.getMessage());
            reason = e.getMessage();
        } else {
            log.warn("Knowledge source {} of tenant {} failed unexpectedly", source.id(), source.tenant(), e);
            reason = "unexpected error while indexing (" + e.getClass().getSimpleName() + "): try a resync; the hub log has details";
        }
        try {
            refresh.awaitRefresh();   // the documents written before the failure are searchable, as before it
        } catch (RuntimeException refreshFailed) {
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            log.warn("Could not refresh the index after knowledge source {} failed", source.id(), refreshFailed);
        }
        sources.setStatus(source.id(), SourceStatus.FAILED, null, reason);
    }

    /** True when nothing is queued or running (tests and the first-start demo wait on it). */
    public boolean idle() {
        return executor.getActiveCount() == 0 && executor.getQueue().isEmpty();
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            model.close();
            refresh.close();
        }
    }
}
