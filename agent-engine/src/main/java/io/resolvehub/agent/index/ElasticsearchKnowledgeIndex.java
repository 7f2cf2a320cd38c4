package io.resolvehub.agent.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch._types.mapping.DenseVectorSimilarity;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import io.resolvehub.agent.IndexedChunk;
import io.resolvehub.agent.KnowledgeIndex;
import io.resolvehub.agent.SearchHit;
import io.resolvehub.agent.SearchQuery;
import io.resolvehub.core.TenantId;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The production index: every tenant's chunks in one Elasticsearch 8.19 index, BM25 on a standard-analysed text field
 * and kNN ({@code dense_vector}, dot product on unit vectors) with a tenant filter in both, fused with the same
 * {@link RankFusion} as Lucene (the minimal 8.19 distribution has no RRF retriever). One client for the process. This
 * class writes and manages the index; {@link ElasticsearchRetrievers} searches it.
 */
public final class ElasticsearchKnowledgeIndex implements KnowledgeIndex {

    @SuppressWarnings("rawtypes")
    static final Class<Map> DOC = Map.class;

    private final RestClient rest;
    private final ElasticsearchClient client;
    private final String index;
    private final ElasticsearchVocabulary vocabulary;
    private final ElasticsearchRetrievers retrievers;

    public ElasticsearchKnowledgeIndex(String url, String index, int dimension) {
        this.rest = RestClient.builder(HttpHost.create(url)).build();
        this.client = new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper()));
        this.vocabulary = new ElasticsearchVocabulary(client, index);
        this.index = index;
        this.retrievers = new ElasticsearchRetrievers(client, index);
        createIndexIfMissing(dimension);
    }

    private void createIndexIfMissing(int dimension) {
        try {
            if (client.indices().exists(e -> e.index(index)).value()) {
                return;
            }
            client.indices().create(c -> c.index(index)
                    // The minimal distribution has only the standard analyzer; with English stop words it matches Lucene's
                    // behaviour of ignoring "the of and" (no stemming: the stemmer plugin is not there).
                    .settings(s -> s.numberOfShards("1").numberOfReplicas("0")
                            .analysis(a -> a.analyzer("hub_text", an -> an.standard(st -> st.stopwords("_english_")))))
                    .mappings(m -> m
                            .properties("tenant", p -> p.keyword(k -> k))
                            .properties("source", p -> p.keyword(k -> k))
                            .properties("doc", p -> p.keyword(k -> k))
                            .properties("chunk", p -> p.keyword(k -> k.index(false)))
                            .properties("title", p -> p.keyword(k -> k.index(false)))
                            .properties("url", p -> p.keyword(k -> k.index(false)))
                            .properties("headings", p -> p.keyword(k -> k.index(false)))
                            .properties("text", p -> p.text(t -> t.index(false)))
                            .properties("search", p -> p.text(t -> t.analyzer("hub_text")))
                            .properties("vector", p -> p.denseVector(v -> v.dims(dimension).index(true)
                                    .similarity(DenseVectorSimilarity.DotProduct)))));
        } catch (ElasticsearchException e) {
            if (!"resource_already_exists_exception".equals(e.error().type())) {   // another hub instance won the race
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not reach Elasticsearch to create index " + index, e);
        }
    }

    @Override
    public void add(List<IndexedChunk> chunks) {
        if (chunks.isEmpty()) {
            return;
        }
        BulkRequest.Builder bulk = new BulkRequest.Builder();
        for (IndexedChunk chunk : chunks) {
            Map<String, Object> doc = new HashMap<>();
            doc.put("tenant", chunk.tenant().value());
            doc.put("source", chunk.sourceId());
            doc.put("doc", chunk.docKey());
            doc.put("chunk", chunk.id());
            doc.put("title", chunk.title());
            doc.put("url", chunk.url());
            doc.put("headings", chunk.headingPath());
            doc.put("text", chunk.text());
            doc.put("search", chunk.searchText());
            doc.put("vector", chunk.vector());
            bulk.operations(o -> o.index(i -> i.index(index).id(key(chunk.tenant(), chunk.id())).document(doc)));
        }
        try {
            BulkResponse response = client.bulk(bulk.build());
            if (response.errors()) {
                String reason = response.items().stream().filter(i -> i.error() != null).findFirst()
                        .map(i -> i.error().reason()).orElse("unknown");
                throw new IllegalStateException("Elasticsearch refused chunks: " + reason);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not add chunks to Elasticsearch", e);
        }
    }

    @Override
    public void deleteSource(TenantId tenant, String sourceId) {
        deleteWhere(tenant, Map.of("source", sourceId));
    }

    @Override
    public void deleteDocument(TenantId tenant, String sourceId, String docKey) {
        deleteWhere(tenant, Map.of("source", sourceId, "doc", docKey));
    }

    private void deleteWhere(TenantId tenant, Map<String, String> terms) {
        List<Query> filters = new ArrayList<>();
        filters.add(term("tenant", tenant.value()));
        terms.forEach((field, value) -> filters.add(term(field, value)));
        // The minimal 8.19 distribution has no delete-by-query (it lives in the reindex module): find the ids, bulk-delete.
        try {
            client.indices().refresh(r -> r.index(index));
            while (true) {
                SearchResponse<Void> page = client.search(s -> s.index(index).size(1000).source(src -> src.fetch(false))
                        .query(q -> q.bool(b -> b.filter(filters))), Void.class);
                List<String> ids = page.hits().hits().stream().map(Hit::id).toList();
                if (ids.isEmpty()) {
                    return;
                }
                BulkRequest.Builder bulk = new BulkRequest.Builder();
                ids.forEach(id -> bulk.operations(o -> o.delete(d -> d.index(index).id(id))));
                client.bulk(bulk.refresh(co.elastic.clients.elasticsearch._types.Refresh.True).build());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete from Elasticsearch", e);
        }
    }

    @Override
    public void refresh() {
        try {
            client.indices().refresh(r -> r.index(index));
        } catch (IOException e) {
            throw new UncheckedIOException("could not refresh Elasticsearch index " + index, e);
        }
    }

    @Override
    public List<SearchHit> search(SearchQuery query) {
        try {
            return retrievers.search(query);
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch search failed", e);
        }
    }

    static Query term(String field, String value) {
        return Query.of(q -> q.term(t -> t.field(field).value(FieldValue.of(value))));
    }

    @Override
    public Map<String, Long> chunkFrequencies(TenantId tenant, Collection<String> terms) {
        try {
            return vocabulary.chunkFrequencies(tenant, terms);
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch count failed", e);
        }
    }

    @Override
    public Map<String, String> spellingSuggestions(TenantId tenant, Collection<String> terms) {
        try {
            return vocabulary.spellingSuggestions(tenant, terms);
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch search failed", e);
        }
    }

    @Override
    public long count(TenantId tenant) {
        try {
            return client.count(c -> c.index(index).query(term("tenant", tenant.value()))).count();
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch count failed", e);
        }
    }

    @Override
    public void checkAvailable() {
        try {
            HealthStatus status = client.cluster().health(h -> h.index(index)).status();
            if (status == HealthStatus.Red) {
                throw new IllegalStateException("Elasticsearch index " + index + " is red (a shard is unassigned)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch is unreachable: " + e.getMessage(), e);
        }
    }

    static String key(TenantId tenant, String chunkId) {
        return tenant.value() + "/" + chunkId;
    }

    @Override
    public void close() {
        try {
            rest.close();
        } catch (IOException ignored) {
            // closing at shutdown
        }
    }
}
