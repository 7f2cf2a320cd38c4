package io.resolvehub.agent;

import io.resolvehub.agent.KnowledgeIndex;
import io.resolvehub.core.TenantId;

import java.util.List;
import java.util.Objects;

/**
 * A chunk as stored in a {@link KnowledgeIndex}.
 *
 * @param id          unique across the index (the ingestion derives it from source, document and position)
 * @param docKey      the document within the source (a page URL, or the source id for a single document)
 * @param headingPath the section headings, outermost first
 * @param text        the chunk's own text, shown as the citation snippet and quoted by extractive answers
 * @param searchText  what BM25 and the vector see: title, headings and text
 * @param vector      unit-length embedding of {@code searchText}
 */
public record IndexedChunk(String id, TenantId tenant, String sourceId, String docKey, String title, String url,
                           List<String> headingPath, String text, String searchText, float[] vector) {

    public IndexedChunk {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(docKey, "docKey");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(searchText, "searchText");
        Objects.requireNonNull(vector, "vector");
        headingPath = headingPath == null ? List.of() : List.copyOf(headingPath);
    }
}
