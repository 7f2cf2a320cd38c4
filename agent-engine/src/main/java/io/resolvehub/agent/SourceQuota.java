package io.resolvehub.agent;

import io.resolvehub.agent.ingest.CapReached;
import io.resolvehub.agent.ingest.KnowledgeSources;
import io.resolvehub.core.TenantId;

/**
 * Tells the admin which of the {@link SourceLimits} refused a new source and what to do. The check itself is
 * {@link KnowledgeSources#insert(io.resolvehub.agent.KnowledgeSource, KnowledgeSources.StoredContent, SourceLimits)}'s,
 * against kept counts in the transaction that adds the source, so sources added at the same moment cannot pass a cap.
 */
final class SourceQuota {

    private static final long MB = 1024 * 1024;

    private final SourceLimits limits;

    SourceQuota(SourceLimits limits) {
        this.limits = limits;
    }

    SourceLimits limits() {
        return limits;
    }

    /** @param bytes the size of the content the refused source would have kept (0 for a web source) */
    SourceLimitException refusal(TenantId tenant, long bytes, CapReached reached) {
        KnowledgeSources.Usage usage = reached.usage();
        return switch (reached.cap()) {
            case TENANT_SOURCES -> new SourceLimitException("Tenant '" + tenant + "' already has " + usage.sources()
                    + " knowledge sources, the most a tenant may have; nothing was added. Delete sources it no longer "
                    + "needs (a sitemap source can replace many single pages), or ask the hub's operator to raise "
                    + "hub.agent.sources.max-per-tenant.", false);
            case TENANT_BYTES -> new SourceLimitException("This source (" + size(bytes) + ") would bring the documents tenant '"
                    + tenant + "' keeps to " + size(usage.storedBytes() + bytes) + ", over its " + size(limits.bytesPerTenant())
                    + "; nothing was added. Delete uploads it no longer needs, or ask the hub's operator to raise "
                    + "hub.agent.sources.max-bytes-per-tenant.", true);
            case HUB_SOURCES -> new SourceLimitException("The hub holds " + usage.sources() + " knowledge sources, the most it "
                    + "is set up for; nothing was added. Ask the hub's operator to raise hub.agent.sources.max-total.", false);
            case HUB_BYTES -> new SourceLimitException("The hub's storage for documents (" + size(limits.bytesTotal())
                    + ") has no room for this source (" + size(bytes) + "); nothing was added. Ask the hub's operator to "
                    + "raise hub.agent.sources.max-bytes-total.", true);
        };
    }

    private static String size(long bytes) {
        return bytes < MB ? bytes + " bytes" : String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (double) MB);
    }
}
