package io.resolvehub.agent;

import io.resolvehub.agent.ingest.KnowledgeSources;
import io.resolvehub.core.TenantId;

/** Refuses a new source that would take its tenant, or the hub, past the {@link SourceLimits}. */
final class SourceQuota {

    private static final long MB = 1024 * 1024;

    private final KnowledgeSources sources;
    private final SourceLimits limits;

    SourceQuota(KnowledgeSources sources, SourceLimits limits) {
        this.sources = sources;
        this.limits = limits;
    }

    /**
     * @param bytes the size of the content the new source keeps (0 for a web source)
     * @throws SourceLimitException when the source may not be added
     */
    void checkRoomFor(TenantId tenant, long bytes) {
        if (limits.equals(SourceLimits.NONE)) {
            return;
        }
        KnowledgeSources.Usage own = sources.usage(tenant);
        if (own.sources() >= limits.perTenant()) {
            throw new SourceLimitException("Tenant '" + tenant + "' already has " + own.sources() + " knowledge sources, the most "
                    + "a tenant may have; nothing was added. Delete sources it no longer needs (a sitemap source can "
                    + "replace many single pages), or ask the hub's operator to raise hub.agent.sources.max-per-tenant.", false);
        }
        if (own.storedBytes() + bytes > limits.bytesPerTenant()) {
            throw new SourceLimitException("This source (" + size(bytes) + ") would bring the documents tenant '" + tenant
                    + "' keeps to " + size(own.storedBytes() + bytes) + ", over its " + size(limits.bytesPerTenant())
                    + "; nothing was added. Delete uploads it no longer needs, or ask the hub's operator to raise "
                    + "hub.agent.sources.max-bytes-per-tenant.", true);
        }
        KnowledgeSources.Usage all = sources.usage();
        if (all.sources() >= limits.total()) {
            throw new SourceLimitException("The hub holds " + all.sources() + " knowledge sources, the most it is set up for; "
                    + "nothing was added. Ask the hub's operator to raise hub.agent.sources.max-total.", false);
        }
        if (all.storedBytes() + bytes > limits.bytesTotal()) {
            throw new SourceLimitException("The hub's storage for documents (" + size(limits.bytesTotal()) + ") has no room "
                    + "for this source (" + size(bytes) + "); nothing was added. Ask the hub's operator to raise "
                    + "hub.agent.sources.max-bytes-total.", true);
        }
    }

    private static String size(long bytes) {
        return bytes < MB ? bytes + " bytes" : String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (double) MB);
    }
}
