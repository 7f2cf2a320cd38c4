package io.resolvehub.agent.ingest;

import io.resolvehub.agent.KnowledgeSource;
import io.resolvehub.agent.SourceLimits;
import io.resolvehub.agent.SourceProgress;
import io.resolvehub.agent.SourceStatus;
import io.resolvehub.agent.SourceType;
import io.resolvehub.core.TenantId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The knowledge sources table, the kept contents and the per-document hashes (plain JDBC, H2 and PostgreSQL). */
public final class KnowledgeSources {

    /** What a resync compares against: the document's hash and ETag when it was last indexed. */
    public record DocumentState(String docKey, String contentHash, String etag, int chunks) {
    }

    /** Kept original content: base64 bytes of an upload, or pasted text. */
    public record StoredContent(String encoding, String content) {

        /** The size of what was uploaded or pasted: decoded bytes of an upload, UTF-8 bytes of text. */
        public long bytes() {
            if (encoding.equals("base64")) {
                int padding = content.endsWith("==") ? 2 : content.endsWith("=") ? 1 : 0;
                return content.length() / 4L * 3 - padding;
            }
            return content.getBytes(StandardCharsets.UTF_8).length;
        }
    }

    /** How many sources there are and how many bytes of kept content they hold. */
    public record Usage(long sources, long storedBytes) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final SourceCounts counts;
    private final CountedSourceAdd add;

    public KnowledgeSources(DataSource dataSource, TransactionTemplate tx) {
        this.jdbc = JdbcClient.create(dataSource);
        this.tx = tx;
        this.counts = new SourceCounts(jdbc);
        this.add = new CountedSourceAdd(jdbc, tx, counts);
    }

    /** Adds a source with no cap on how many there may be (tests of other things); it is counted all the same. */
    public void insert(KnowledgeSource source, StoredContent content) {
        insert(source, content, SourceLimits.NONE);
    }

    /** Adds a source and its content, counted against {@code limits} ({@link CountedSourceAdd}; {@link CapReached} if full). */
    public void insert(KnowledgeSource source, StoredContent content, SourceLimits limits) {
        add.insert(source, content, limits);
    }

    public Optional<KnowledgeSource> find(TenantId tenant, String id) {
        return jdbc.sql("SELECT * FROM agent_knowledge_sources WHERE tenant = :tenant AND id = :id")
                .param("tenant", tenant.value()).param("id", id)
                .query(KnowledgeSources::map).optional();
    }

    Optional<KnowledgeSource> find(String id) {
        return jdbc.sql("SELECT * FROM agent_knowledge_sources WHERE id = :id").param("id", id)
                .query(KnowledgeSources::map).optional();
    }

    public List<KnowledgeSource> list(TenantId tenant) {
        return jdbc.sql("SELECT * FROM agent_knowledge_sources WHERE tenant = :tenant ORDER BY created_at, id")
                .param("tenant", tenant.value())
                .query(KnowledgeSources::map).list();
    }

    /** The tenant's sources and the bytes of content they keep (the kept counts the caps are checked against). */
    public Usage usage(TenantId tenant) {
        return counts.find(tenant.value()).orElse(new Usage(0, 0));
    }

    /** Every tenant's sources together and the bytes of content they keep (kept counts, as above). */
    public Usage usage() {
        return counts.find(SourceCounts.HUB).orElseThrow();
    }

    /** Sources a crash left pending or indexing: the ingestion restarts them at startup. */
    public List<KnowledgeSource> unfinished() {
        return jdbc.sql("SELECT * FROM agent_knowledge_sources WHERE status IN ('pending', 'indexing') ORDER BY created_at, id")
                .query(KnowledgeSources::map).list();
    }

    /**
     * Web sources ({@code url}, {@code sitemap}, {@code zendesk_guide}) that finished ({@code ready} or {@code failed}) before {@code cutoff},
     * oldest first: what the periodic re-sync reads again. Their {@code updated_at} is when their indexing ended.
     */
    public List<KnowledgeSource> webSourcesFinishedBefore(Instant cutoff) {
        return jdbc.sql("""
                        SELECT * FROM agent_knowledge_sources
                        WHERE type IN ('url', 'sitemap', 'zendesk_guide') AND status IN ('ready', 'failed') AND updated_at < :cutoff
                        ORDER BY updated_at, id""")
                .param("cutoff", time(cutoff))
                .query(KnowledgeSources::map).list();
    }

    public Optional<StoredContent> content(String id) {
        return jdbc.sql("SELECT encoding, content FROM agent_source_contents WHERE source_id = :id").param("id", id)
                .query((rs, n) -> new StoredContent(rs.getString("encoding"), rs.getString("content"))).optional();
    }

    /** Moves a source to {@code status}; {@code false} when it no longer exists (deleted meanwhile). */
    public boolean setStatus(String id, SourceStatus status, Integer chunks, String error) {
        return jdbc.sql("""
                        UPDATE agent_knowledge_sources
                        SET status = :status, chunks = COALESCE(:chunks, chunks), error = :error, updated_at = :now
                        WHERE id = :id""")
                .param("id", id).param("status", status.wire()).param("chunks", chunks).param("error", error)
                .param("now", time(Instant.now()))
                .update() == 1;
    }

    /**
     * Moves a source to {@code indexing} with its progress back at nothing (a re-sync forgets the last run's figures):
     * one statement, one commit, as every source being indexed starts.
     */
    public void startIndexing(String id) {
        jdbc.sql("""
                        UPDATE agent_knowledge_sources
                        SET status = 'indexing', error = NULL, progress_done = 0, progress_total = 0, updated_at = :now
                        WHERE id = :id""")
                .param("id", id).param("now", time(Instant.now())).update();
    }

    /**
     * Moves a source to {@code ready} with its chunks, and its progress to all done: the last progress step is recorded
     * here rather than in a write of its own just before (the API shows progress only while indexing).
     *
     * @return false when the source no longer exists (deleted meanwhile)
     */
    public boolean setReady(String id, int chunks) {
        return jdbc.sql("""
                        UPDATE agent_knowledge_sources
                        SET status = 'ready', chunks = :chunks, error = NULL, progress_done = progress_total, updated_at = :now
                        WHERE id = :id""")
                .param("id", id).param("chunks", chunks).param("now", time(Instant.now()))
                .update() == 1;
    }

    /** Records how far indexing is (see {@link SourceProgress}); nothing when the source is gone. */
    public void setProgress(String id, int done, int total) {
        jdbc.sql("UPDATE agent_knowledge_sources SET progress_done = :done, progress_total = :total WHERE id = :id")
                .param("id", id).param("done", done).param("total", total).update();
    }

    public void setTitle(String id, String title) {
        jdbc.sql("UPDATE agent_knowledge_sources SET title = :title WHERE id = :id AND title IS NULL")
                .param("id", id).param("title", title).update();
    }

    public boolean delete(TenantId tenant, String id) {
        Boolean deleted = tx.execute(status -> {
            Optional<Long> bytes = jdbc.sql("SELECT stored_bytes FROM agent_knowledge_sources WHERE tenant = :tenant AND id = :id")
                    .param("tenant", tenant.value()).param("id", id).query(Long.class).optional();
            if (bytes.isEmpty()) {
                return false;
            }
            int rows = jdbc.sql("DELETE FROM agent_knowledge_sources WHERE tenant = :tenant AND id = :id")
                    .param("tenant", tenant.value()).param("id", id).update();
            if (rows == 1) {   // not when a concurrent delete of the same source came first: it counted it out
                jdbc.sql("DELETE FROM agent_source_contents WHERE source_id = :id").param("id", id).update();
                jdbc.sql("DELETE FROM agent_source_documents WHERE source_id = :id").param("id", id).update();
                counts.release(tenant.value(), bytes.get());
                counts.release(SourceCounts.HUB, bytes.get());
            }
            return rows == 1;
        });
        return Boolean.TRUE.equals(deleted);
    }

    public Map<String, DocumentState> documents(String sourceId) {
        Map<String, DocumentState> states = new HashMap<>();
        jdbc.sql("SELECT doc_key, content_hash, etag, chunks FROM agent_source_documents WHERE source_id = :id")
                .param("id", sourceId)
                .query((rs, n) -> new DocumentState(rs.getString("doc_key"), rs.getString("content_hash"),
                        rs.getString("etag"), rs.getInt("chunks")))
                .list().forEach(s -> states.put(s.docKey(), s));
        return states;
    }

    public void saveDocument(String sourceId, String docKey, String title, String url, String hash, String etag, int chunks) {
        tx.executeWithoutResult(status -> {
            int rows = jdbc.sql("""
                            UPDATE agent_source_documents SET title = :title, url = :url, content_hash = :hash, etag = :etag,
                              chunks = :chunks WHERE source_id = :id AND doc_key = :key""")
                    .param("id", sourceId).param("key", docKey).param("title", title).param("url", url)
                    .param("hash", hash).param("etag", etag).param("chunks", chunks).update();
            if (rows == 0) {
                jdbc.sql("""
                                INSERT INTO agent_source_documents (source_id, doc_key, title, url, content_hash, etag, chunks)
                                VALUES (:id, :key, :title, :url, :hash, :etag, :chunks)""")
                        .param("id", sourceId).param("key", docKey).param("title", title).param("url", url)
                        .param("hash", hash).param("etag", etag).param("chunks", chunks).update();
            }
        });
    }

    public void deleteDocument(String sourceId, String docKey) {
        jdbc.sql("DELETE FROM agent_source_documents WHERE source_id = :id AND doc_key = :key")
                .param("id", sourceId).param("key", docKey).update();
    }

    public void deleteDocuments(String sourceId) {
        jdbc.sql("DELETE FROM agent_source_documents WHERE source_id = :id").param("id", sourceId).update();
    }

    private static KnowledgeSource map(ResultSet rs, int row) throws SQLException {
        SourceType type = SourceType.fromWire(rs.getString("type"));
        return new KnowledgeSource(
                rs.getString("id"),
                new TenantId(rs.getString("tenant")),
                type,
                rs.getString("title"),
                rs.getString("url"),
                rs.getString("filename"),
                SourceStatus.fromWire(rs.getString("status")),
                rs.getInt("chunks"),
                rs.getString("error"),
                rs.getString("content_hash"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                new SourceProgress(rs.getInt("progress_done"), rs.getInt("progress_total"), SourceProgress.unitOf(type)));
    }

    static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
