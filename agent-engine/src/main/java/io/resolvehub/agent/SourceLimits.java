package io.resolvehub.agent;

/**
 * How much knowledge a tenant, and the whole hub, may hold: sources (each one fetched, parsed, embedded and indexed)
 * and bytes of kept content (uploads and pasted text are kept so they can be re-indexed without a re-upload).
 * Checked as each source is added, against kept counts in the same transaction: sources added at the same moment, on
 * one hub instance or several, cannot pass a limit together.
 *
 * @param perTenant      sources one tenant may have
 * @param total          sources all tenants together may have
 * @param bytesPerTenant bytes of uploads and pasted text one tenant may keep
 * @param bytesTotal     bytes of uploads and pasted text all tenants together may keep
 */
public record SourceLimits(long perTenant, long total, long bytesPerTenant, long bytesTotal) {

    /** No limit: for tests of other things. */
    public static final SourceLimits NONE = new SourceLimits(Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE);

    public SourceLimits {
        if (perTenant < 1 || total < 1 || bytesPerTenant < 1 || bytesTotal < 1) {
            throw new IllegalArgumentException("hub.agent.sources.* limits must be positive");
        }
    }
}
