package io.resolvehub.agent.ingest;

import io.resolvehub.agent.embed.Embedder;
import io.resolvehub.agent.index.KnowledgeIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Indexes sources in the background on a small bounded pool: {@code pending → indexing → ready | failed}. Request
 * threads only enqueue. Per document: read, hash, skip if unchanged, parse, chunk; the chunks of consecutive documents
 * are embedded together ({@link BatchedDocumentWriter}), then each document's chunks replace its old ones in the index. A failure leaves the index as it was and the source {@code failed} with a readable
 * reason; sources a crash left unfinished are started again by {@link #resumeUnfinished()}.
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

    private final KnowledgeSources sources;
    private final KnowledgeIndex index;
    private final Embedder embedder;
    private final Parsers parsers;
    private final Chunker chunker;
    private final DocumentReader storedReader;
    private final DocumentReader webReader;
    private final DocumentReader guideReader;
    private final int embedGroup;
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
        this.embedGroup = embedGroup;
        this.sources = sources;
        this.index = index;
        this.embedder = embedder;
        this.parsers = parsers;
        this.chunker = chunker;
        this.storedReader = new StoredContentReader(sources);
        this.webReader = webReader;
        this.guideReader = guideReader;
        this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queueCapacity),
                Thread.ofPlatform().name("ingest-", 0).daemon(true).factory());
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
        sources.setStatus(sourceId, SourceStatus.INDEXING, null, null);
        try {
            int chunks = indexDocuments(source);
            index.refresh();
            if (!sources.setStatus(sourceId, SourceStatus.READY, chunks, null)) {
                index.deleteSource(source.tenant(), sourceId);   // deleted while indexing: leave nothing behind
                index.refresh();
            }
        } catch (IngestionException e) {
            log.info("Knowledge source {} of tenant {} failed: {}", sourceId, source.tenant(), e.getMessage());
            index.refresh();
            sources.setStatus(sourceId, SourceStatus.FAILED, null, e.getMessage());
        } catch (RuntimeException e) {
            log.warn("Knowledge source {} of tenant {} failed unexpectedly", sourceId, source.tenant(), e);
            index.refresh();
            sources.setStatus(sourceId, SourceStatus.FAILED, null,
                    "unexpected error while indexing (" + e.getClass().getSimpleName() + "): try a resync; the hub log has details");
        }
    }

    private int indexDocuments(KnowledgeSource source) {
        Map<String, KnowledgeSources.DocumentState> known = sources.documents(source.id());
        DocumentReader reader = switch (source.type()) {
            case URL, SITEMAP -> webReader;
            case ZENDESK_GUIDE -> guideReader;
            case FILE, TEXT -> storedReader;
        };
        if (reader == null) {
            throw new IngestionException("this hub cannot read " + source.type().wire() + " sources");
        }
        IngestionProgress progress = IngestionProgress.start(sources, source);
        List<SourceDocument> documents = reader.read(source, known);
        if (documents.isEmpty()) {
            throw new IngestionException("no documents were found at " + (source.url() != null ? source.url() : "this source"));
        }
        progress.documentsRead(documents.size());
        BatchedDocumentWriter writer = new BatchedDocumentWriter(embedder, index, source.tenant(), source.id(), embedGroup,
                progress::passagesEmbedded);
        int total = 0;
        Set<String> seen = new HashSet<>();
        for (SourceDocument document : documents) {
            seen.add(document.docKey());
            KnowledgeSources.DocumentState previous = known.get(document.docKey());
            String hash = document.unchanged() && previous != null ? null : sha256(document.content());
            if (previous != null && (hash == null || previous.contentHash().equals(hash))) {
                total += previous.chunks();   // not modified, or the same bytes as last time: no re-embedding
                progress.documentDone();
                continue;
            }
            total += queueDocument(source, document, hash, writer, progress);
        }
        writer.flush();
        for (String vanished : known.keySet()) {
            if (!seen.contains(vanished)) {
                index.deleteDocument(source.tenant(), source.id(), vanished);
                sources.deleteDocument(source.id(), vanished);
            }
        }
        return total;
    }

    /** Parses and chunks one document and hands it to the writer, which swaps it into the index once it is embedded. */
    private int queueDocument(KnowledgeSource source, SourceDocument document, String hash, BatchedDocumentWriter writer,
                              IngestionProgress progress) {
        ParsedDocument parsed;
        List<Chunk> chunks;
        try {
            parsed = parse(source, document);
            chunks = chunker.chunk(parsed);
        } catch (RuntimeException failure) {
            // The documents before this one are indexed as if they had been written one by one; then the source fails.
            try {
                writer.flush();
            } catch (RuntimeException alsoFailed) {
                failure.addSuppressed(alsoFailed);
            }
            throw failure;
        }
        progress.documentChunked(chunks.size());
        writer.add(document.docKey(), document.url(), chunks, () -> {
            sources.saveDocument(source.id(), document.docKey(), parsed.title(), document.url(), hash, document.etag(),
                    chunks.size());
            progress.documentDone();
        });
        return chunks.size();
    }

    private ParsedDocument parse(KnowledgeSource source, SourceDocument document) {
        String fallbackTitle = document.title() != null ? document.title()
                : source.title() != null ? source.title()
                : source.filename() != null ? source.filename() : document.url();
        ParsedDocument parsed = parsers.forFormat(document.format()).parse(document.content(), fallbackTitle);
        if (parsed.isEmpty()) {
            throw new IngestionException("no text was found in " + (source.filename() != null ? "'" + source.filename() + "'"
                    : document.url() != null ? document.url() : "the document"));
        }
        if (source.title() == null && parsed.title() != null && !source.type().manyDocuments()) {
            sources.setTitle(source.id(), parsed.title());
        }
        return parsed;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
        }
    }
}
