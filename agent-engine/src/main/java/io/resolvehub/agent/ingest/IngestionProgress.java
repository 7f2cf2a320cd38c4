package io.resolvehub.agent.ingest;

import io.resolvehub.agent.KnowledgeSource;
import io.resolvehub.agent.SourceProgress;
import io.resolvehub.agent.SourceType;

/**
 * Records how far one source's indexing is in the sources table, where any hub instance's page reads it: pages done
 * of pages read for a source of many documents, passages embedded of the document's passages otherwise. Writes when
 * the count has moved by a {@value #STEPS}th of the total, so a re-sync of thousands of unchanged pages costs at most
 * {@value #STEPS} updates, not thousands. The start (0 of 0) is written with the move to {@code indexing} and the end
 * (all done) with the move to {@code ready} ({@link KnowledgeSources#startIndexing}, {@link KnowledgeSources#setReady}),
 * not in writes of their own: a small source costs one progress write, its total. One per source being indexed; not
 * thread-safe.
 */
final class IngestionProgress {

    static final int STEPS = 50;

    private final KnowledgeSources sources;
    private final String sourceId;
    private final boolean pages;
    private int done;
    private int total;
    private int written;

    private IngestionProgress(KnowledgeSources sources, String sourceId, SourceType type) {
        this.sources = sources;
        this.sourceId = sourceId;
        this.pages = SourceProgress.unitOf(type) == SourceProgress.Unit.PAGES;
    }

    /** Counts from nothing, as {@link KnowledgeSources#startIndexing} left the source. */
    static IngestionProgress of(KnowledgeSources sources, KnowledgeSource source) {
        return new IngestionProgress(sources, source.id(), source.type());
    }

    void documentsRead(int count) {
        if (pages) {
            total = count;
            write();
        }
    }

    /** A document that needs no work (unchanged since the last run), or whose passages are now in the index. */
    void documentDone() {
        if (pages) {
            done++;
            writeIfMoved();
        }
    }

    void documentChunked(int passages) {
        if (!pages) {
            total += passages;
            write();
        }
    }

    void passagesEmbedded(int count) {
        if (!pages) {
            done += count;
            writeIfMoved();
        }
    }

    private void writeIfMoved() {
        if (done < total && done - written >= Math.max(1, (total + STEPS - 1) / STEPS)) {
            write();
        }
    }

    private void write() {
        sources.setProgress(sourceId, done, total);
        written = done;
    }
}
