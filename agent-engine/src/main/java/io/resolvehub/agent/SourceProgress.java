package io.resolvehub.agent;

/**
 * How far a source's indexing has come: {@code done} of {@code total} units, counted in pages for a source of many
 * documents (a sitemap, a help center) and in passages embedded for a single document. {@code total} is 0 while it is
 * not known yet (a crawl still reading pages, a document not chunked yet).
 */
public record SourceProgress(int done, int total, Unit unit) {

    /** What a unit of progress is. */
    public enum Unit {
        PAGES, PASSAGES;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Pages for a source of many documents, passages for a single document. */
    public static Unit unitOf(SourceType type) {
        return type.manyDocuments() ? Unit.PAGES : Unit.PASSAGES;
    }

    /** True once the total is known. */
    public boolean known() {
        return total > 0;
    }
}
