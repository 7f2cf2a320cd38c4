package io.resolvehub.agent;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * Tuning of the agent engine ({@code hub.agent.*}); documented in docs/configuration.md.
 *
 * @param ingestThreads       sources indexed at once (their chunks share the model's batches)
 * @param ingestQueue         sources that may wait for a worker before new ones are refused
 * @param maxPdfPages         longer PDFs fail with a readable reason
 * @param chunkWords          words per chunk at most (all-MiniLM-L6-v2 reads 256 tokens)
 * @param embeddingBatchSize  texts per ONNX call
 * @param crawl               limits of url and sitemap sources
 * @param sources             how many sources and kept bytes a tenant and the whole hub may have
 * @param resyncInterval      url and sitemap sources last indexed longer ago are read again (once across the cluster);
 *                            zero disables the periodic re-sync
 */
@ConfigurationProperties("hub.agent")
public record AgentProperties(
        @DefaultValue("16") int ingestThreads,
        @DefaultValue("1000") int ingestQueue,
        @DefaultValue("2000") int maxPdfPages,
        @DefaultValue("180") int chunkWords,
        @DefaultValue("8") int embeddingBatchSize,
        @DefaultValue Crawl crawl,
        @DefaultValue Sources sources,
        @DefaultValue("P1D") Duration resyncInterval) {

    /**
     * @param maxPerTenant      sources one tenant may have
     * @param maxTotal          sources all tenants together may have
     * @param maxBytesPerTenant uploads and pasted text one tenant may keep
     * @param maxBytesTotal     uploads and pasted text all tenants together may keep
     */
    public record Sources(
            @DefaultValue("1000") long maxPerTenant,
            @DefaultValue("100000") long maxTotal,
            @DefaultValue("1GB") DataSize maxBytesPerTenant,
            @DefaultValue("50GB") DataSize maxBytesTotal) {

        public SourceLimits limits() {
            return new SourceLimits(maxPerTenant, maxTotal, maxBytesPerTenant.toBytes(), maxBytesTotal.toBytes());
        }
    }

    /**
     * @param maxPages  pages fetched per source at most
     * @param maxDepth  link hops from the start page in a same-site crawl
     * @param delay     pause between two requests to the same site (politeness)
     * @param timeout   connect and read timeout per request
     * @param maxBytes  larger pages are skipped
     * @param maxTotalBytes what one read of a url or sitemap source may fetch in all; more fails the source
     * @param userAgent sent with every request and matched against robots.txt groups
     */
    public record Crawl(
            @DefaultValue("200") int maxPages,
            @DefaultValue("3") int maxDepth,
            @DefaultValue("500ms") Duration delay,
            @DefaultValue("10s") Duration timeout,
            @DefaultValue("5000000") long maxBytes,
            @DefaultValue("100MB") DataSize maxTotalBytes,
            @DefaultValue("ResolveHubBot/0.1") String userAgent) {
    }
}
