package io.resolvehub.agent;

import io.resolvehub.core.TenantId;

import java.util.Objects;

/**
 * A search of one tenant's chunks. The tenant is mandatory: no index method can search across tenants.
 *
 * @param text   the words for BM25 (ignored in {@link SearchMode#VECTOR})
 * @param vector the query embedding (ignored in {@link SearchMode#BM25}, may then be null)
 * @param limit  how many hits to return at most
 */
public record SearchQuery(TenantId tenant, String text, float[] vector, int limit, SearchMode mode) {

    public SearchQuery {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(mode, "mode");
        text = text == null ? "" : text;
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        if (mode != SearchMode.BM25 && vector == null) {
            throw new IllegalArgumentException(mode + " search needs a query vector");
        }
    }
}
