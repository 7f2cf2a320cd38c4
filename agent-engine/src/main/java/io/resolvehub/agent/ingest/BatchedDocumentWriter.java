package io.resolvehub.agent.ingest;

import io.resolvehub.agent.Embedder;
import io.resolvehub.agent.IndexedChunk;
import io.resolvehub.agent.KnowledgeIndex;
import io.resolvehub.core.TenantId;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Writes the chunked documents of one source into the index, embedding the chunks of <em>consecutive documents
 * together</em>: the pages of a crawl have about three chunks each, so embedding document by document would run the
 * model on small, padded batches. Chunk texts queue up across documents and go to {@link Embedder#embedAll} in groups
 * of exactly {@code groupChunks} (the last group of a source excepted); a document's chunks are swapped into the index
 * (its old chunks deleted, the new ones added) as soon as all of its vectors are ready, in the order the documents
 * were added, and then its {@code onIndexed} callback runs.
 *
 * <p>Memory stays bounded: at most {@code groupChunks} chunk texts wait for the model, plus the chunks of the document
 * being added (a 1,000-page manual is embedded group by group, but swapped in once, whole). Not thread-safe: one
 * writer per source being indexed. Call {@link #flush()} after the last document; documents still waiting when an
 * exception escapes are never written, so the index keeps their previous chunks.
 */
public final class BatchedDocumentWriter {

    private final Embedder embedder;
    private final KnowledgeIndex index;
    private final TenantId tenant;
    private final String sourceId;
    private final int groupChunks;
    /** Documents waiting for (some of) their vectors, in the order they were added. */
    private final Deque<Waiting> waiting = new ArrayDeque<>();
    /** The chunk texts of {@link #waiting} not sent to the model yet, in document order. */
    private final List<String> unembedded = new ArrayList<>();
    private final IntConsumer embedded;
    private int embedCalls;

    private record Waiting(String docKey, String url, List<Chunk> chunks, Runnable onIndexed, List<float[]> vectors) {
        boolean complete() {
            return vectors.size() == chunks.size();
        }
    }

    /**
     * @param groupChunks how many chunk texts one {@code embedAll} call gets; a multiple of the embedder's batch size
     *                    keeps every model batch full
     */
    public BatchedDocumentWriter(Embedder embedder, KnowledgeIndex index, TenantId tenant, String sourceId, int groupChunks) {
        this(embedder, index, tenant, sourceId, groupChunks, count -> { });
    }

    /** @param embedded told how many chunks each {@code embedAll} call embedded (the ingestion's progress) */
    public BatchedDocumentWriter(Embedder embedder, KnowledgeIndex index, TenantId tenant, String sourceId, int groupChunks,
                                 IntConsumer embedded) {
        if (groupChunks < 1) {
            throw new IllegalArgumentException("groupChunks must be at least 1");
        }
        this.embedder = embedder;
        this.index = index;
        this.tenant = tenant;
        this.sourceId = sourceId;
        this.groupChunks = groupChunks;
        this.embedded = embedded;
    }

    /**
     * Queues a document's chunks; embeds (and writes the documents that become complete) whenever a full group is
     * waiting.
     *
     * @param onIndexed runs right after the document's chunks are in the index (the ingestion records its hash then)
     */
    public void add(String docKey, String url, List<Chunk> chunks, Runnable onIndexed) {
        waiting.addLast(new Waiting(docKey, url, List.copyOf(chunks), onIndexed, new ArrayList<>(chunks.size())));
        chunks.forEach(c -> unembedded.add(c.contextualText()));
        while (unembedded.size() >= groupChunks) {
            embed(groupChunks);
        }
        writeCompleted();
    }

    /** Embeds whatever is still waiting (a partial group) and writes the remaining documents. */
    public void flush() {
        if (!unembedded.isEmpty()) {
            embed(unembedded.size());
        }
        writeCompleted();
    }

    /** How many {@code embedAll} calls this writer made (the benchmark reports it). */
    public int embedCalls() {
        return embedCalls;
    }

    private void embed(int count) {
        List<String> group = unembedded.subList(0, count);
        List<float[]> vectors = embedder.embedAll(List.copyOf(group));
        embedCalls++;
        if (vectors.size() != count) {
            throw new IllegalStateException("the embedder returned " + vectors.size() + " vectors for " + count + " texts");
        }
        group.clear();
        embedded.accept(count);
        // The group's texts are the first unembedded chunks of the waiting documents, in order: hand the vectors out
        // the same way.
        Iterator<float[]> next = vectors.iterator();
        for (Waiting document : waiting) {
            while (!document.complete() && next.hasNext()) {
                document.vectors().add(next.next());
            }
            if (!next.hasNext()) {
                break;
            }
        }
        writeCompleted();
    }

    private void writeCompleted() {
        while (!waiting.isEmpty() && waiting.peekFirst().complete()) {
            write(waiting.pollFirst());
        }
    }

    private void write(Waiting document) {
        String docId = SourceIndexer.sha256(document.docKey().getBytes(StandardCharsets.UTF_8)).substring(0, 12);
        List<IndexedChunk> prepared = new ArrayList<>(document.chunks().size());
        for (int i = 0; i < document.chunks().size(); i++) {
            Chunk chunk = document.chunks().get(i);
            prepared.add(new IndexedChunk(sourceId + ":" + docId + ":" + i, tenant, sourceId, document.docKey(),
                    chunk.title(), document.url(), chunk.headingPath(), chunk.text(), chunk.contextualText(),
                    document.vectors().get(i)));
        }
        // Everything that can fail for this document (fetch, parse, embed) is done: now swap its chunks.
        index.deleteDocument(tenant, sourceId, document.docKey());
        index.add(prepared);
        document.onIndexed().run();
    }
}
