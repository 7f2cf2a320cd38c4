package io.resolvehub.agent;

import io.resolvehub.core.TenantId;

import java.time.Instant;

/**
 * One knowledge source of a tenant, as listed by {@code GET /sources}.
 *
 * @param url      the page or sitemap for url/sitemap sources; {@code null} otherwise
 * @param filename the uploaded file's name for file sources; {@code null} otherwise
 * @param error    a readable reason when {@code status} is failed; {@code null} otherwise
 * @param progress how far indexing is while {@code status} is indexing
 */
public record KnowledgeSource(String id, TenantId tenant, SourceType type, String title, String url, String filename,
                              SourceStatus status, int chunks, String error, String contentHash,
                              Instant createdAt, Instant updatedAt, SourceProgress progress) {

    /** A source with no indexing progress yet. */
    public KnowledgeSource(String id, TenantId tenant, SourceType type, String title, String url, String filename,
                           SourceStatus status, int chunks, String error, String contentHash,
                           Instant createdAt, Instant updatedAt) {
        this(id, tenant, type, title, url, filename, status, chunks, error, contentHash, createdAt, updatedAt,
                new SourceProgress(0, 0, SourceProgress.unitOf(type)));
    }
}
