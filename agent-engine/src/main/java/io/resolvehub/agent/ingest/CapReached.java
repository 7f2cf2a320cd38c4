package io.resolvehub.agent.ingest;

/**
 * A cap on knowledge left no room for a new source; nothing was added. Says which cap and the kept usage it was at, so
 * the caller can tell the admin what to do.
 */
public final class CapReached extends RuntimeException {

    /** The four caps of {@link io.resolvehub.agent.SourceLimits}, in the order they are checked. */
    public enum Cap { TENANT_SOURCES, TENANT_BYTES, HUB_SOURCES, HUB_BYTES }

    private final Cap cap;
    private final KnowledgeSources.Usage usage;

    CapReached(Cap cap, KnowledgeSources.Usage usage) {
        super(cap + " reached at " + usage, null, false, false);
        this.cap = cap;
        this.usage = usage;
    }

    public Cap cap() {
        return cap;
    }

    /** The tenant's usage for a tenant cap, the whole hub's for a hub cap, before the refused source. */
    public KnowledgeSources.Usage usage() {
        return usage;
    }
}
