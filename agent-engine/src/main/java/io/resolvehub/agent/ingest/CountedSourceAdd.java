package io.resolvehub.agent.ingest;

import io.resolvehub.agent.KnowledgeSource;
import io.resolvehub.agent.SourceLimits;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Adds a knowledge source and its kept content and counts it against its tenant's and the hub's caps, in one
 * transaction: concurrent adds never pass a cap together, and a refused add leaves nothing behind.
 */
final class CountedSourceAdd {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final SourceCounts counts;

    CountedSourceAdd(JdbcClient jdbc, TransactionTemplate tx, SourceCounts counts) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.counts = counts;
    }

    /**
     * Adds a source and its kept content, and counts it in its tenant's and the hub's usage, in one transaction.
     *
     * @throws CapReached when one of the {@code limits} leaves no room; nothing was added
     */
    void insert(KnowledgeSource source, KnowledgeSources.StoredContent content, SourceLimits limits) {
        try {
            insertCounted(source, content, limits);
        } catch (FirstSource first) {
            counts.open(source.tenant().value());   // committed on its own, then the add is made again, whole
            insertCounted(source, content, limits);
        }
    }

    /** The tenant has no counts yet: the add was rolled back, to be made again once its row exists. */
    private static final class FirstSource extends RuntimeException {
        FirstSource() {
            super(null, null, false, false);
        }
    }

    private void insertCounted(KnowledgeSource source, KnowledgeSources.StoredContent content, SourceLimits limits) {
        long bytes = content == null ? 0L : content.bytes();
        tx.executeWithoutResult(status -> {
            jdbc.sql("""
                    INSERT INTO agent_knowledge_sources
                      (id, tenant, type, title, url, filename, status, chunks, error, content_hash, stored_bytes, created_at, updated_at)
                    VALUES (:id, :tenant, :type, :title, :url, :filename, :status, 0, NULL, :hash, :bytes, :now, :now)""")
                    .param("id", source.id())
                    .param("tenant", source.tenant().value())
                    .param("type", source.type().wire())
                    .param("title", source.title())
                    .param("url", source.url())
                    .param("filename", source.filename())
                    .param("status", source.status().wire())
                    .param("hash", source.contentHash())
                    .param("bytes", bytes)
                    .param("now", KnowledgeSources.time(source.createdAt()))
                    .update();
            if (content != null) {
                jdbc.sql("INSERT INTO agent_source_contents (source_id, encoding, content) VALUES (:id, :encoding, :content)")
                        .param("id", source.id())
                        .param("encoding", content.encoding())
                        .param("content", content.content())
                        .update();
            }
            // Counted last, so the rows' locks are held only for the commit, not while a large upload is written.
            // Tenant before hub, as delete does: two adds never wait for each other's row the other way round.
            String tenant = source.tenant().value();
            switch (counts.take(tenant, bytes, limits.perTenant(), limits.bytesPerTenant())) {
                case YES -> {
                }
                case NO_ROW -> throw new FirstSource();
                case NO_ROOM -> throw refusal(tenant, CapReached.Cap.TENANT_SOURCES, CapReached.Cap.TENANT_BYTES, limits.perTenant());
            }
            // the hub's row is made by the migration that made the table
            if (counts.take(SourceCounts.HUB, bytes, limits.total(), limits.bytesTotal()) != SourceCounts.Taken.YES) {
                throw refusal(SourceCounts.HUB, CapReached.Cap.HUB_SOURCES, CapReached.Cap.HUB_BYTES, limits.total());
            }
        });
    }

    /** Which of a scope's two caps refused, with the usage it was at (thrown, it rolls the add back). */
    private CapReached refusal(String scope, CapReached.Cap bySources, CapReached.Cap byBytes, long maxSources) {
        KnowledgeSources.Usage usage = counts.find(scope).orElseThrow();
        return new CapReached(usage.sources() >= maxSources ? bySources : byBytes, usage);
    }
}
