package io.resolvehub.agent;

import io.resolvehub.core.TenantId;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Where chunks are stored and searched: Lucene on the embedded default, Elasticsearch in production. Both pass the same
 * contract suite ({@code KnowledgeIndexContract} in the tests).
 *
 * <p>Tenant isolation is part of the contract: every search and delete takes the tenant and never touches another
 * tenant's chunks, even when source ids collide. Implementations are thread-safe; writes become visible to searches
 * after {@link #refresh()}.
 */
public interface KnowledgeIndex extends AutoCloseable {

    /** Adds (or replaces, by id) chunks. */
    void add(List<IndexedChunk> chunks);

    /** Removes every chunk of one source of the tenant. */
    void deleteSource(TenantId tenant, String sourceId);

    /** Removes the chunks of one document of a source (a changed or vanished page). */
    void deleteDocument(TenantId tenant, String sourceId, String docKey);

    /** Makes earlier writes durable and visible to searches. */
    void refresh();

    /** Best hits first; at most {@code query.limit()}; only the query tenant's chunks. */
    List<SearchHit> search(SearchQuery query);

    /**
     * How many of the tenant's chunks hold each term. Terms are the search field's own: lower-case English stems, as
     * Lucene's {@code EnglishAnalyzer} makes them. The agent weighs a question's words by it and notices the words the
     * tenant's documents never use.
     */
    Map<String, Long> chunkFrequencies(TenantId tenant, Collection<String> terms);

    /**
     * For each term (a stem, as above) the tenant's chunks never hold, the term they hold that was most likely meant: at
     * most two edits away, preferring the closer and then the more frequent ("pasword" → "password"). Terms without
     * such a neighbour, and terms the chunks do hold, are left out.
     */
    Map<String, String> spellingSuggestions(TenantId tenant, Collection<String> terms);

    /** How many chunks the tenant has. */
    long count(TenantId tenant);

    /**
     * Throws when the index cannot serve searches now (its server unreachable, or its index unassigned), naming why; for
     * the hub's readiness probe. An embedded index is always available once open.
     */
    default void checkAvailable() {
    }

    @Override
    void close();
}
