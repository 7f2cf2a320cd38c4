package io.resolvehub.agent.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;

import io.resolvehub.agent.SearchHit;
import io.resolvehub.agent.SearchQuery;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.resolvehub.agent.index.ElasticsearchKnowledgeIndex.DOC;
import static io.resolvehub.agent.index.ElasticsearchKnowledgeIndex.key;
import static io.resolvehub.agent.index.ElasticsearchKnowledgeIndex.term;

/**
 * The searches of {@link ElasticsearchKnowledgeIndex}: BM25 ({@code match} on the search field) and kNN on the
 * {@code dense_vector}, each filtered on the tenant, fused by {@link RankFusion}; hits only BM25 found get their cosine
 * from their stored vectors.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
final class ElasticsearchRetrievers {

    /** How many hits each retriever contributes before fusion. */
    private static final int CANDIDATES = 50;

    private final ElasticsearchClient client;
    private final String index;

    ElasticsearchRetrievers(ElasticsearchClient client, String index) {
        this.client = client;
        this.index = index;
    }

    /** The query's hits, ranked by its mode, each with its cosine when the query has a vector. */
    List<SearchHit> search(SearchQuery query) throws IOException {
        int candidates = Math.max(query.limit(), CANDIDATES);
        List<SearchHit> hits = switch (query.mode()) {
            case BM25 -> bm25(query, query.limit());
            case VECTOR -> knn(query, query.limit());
            case HYBRID -> RankFusion.fuse(bm25(query, candidates), knn(query, candidates), query.limit());
        };
        return query.vector() == null ? hits : withSimilarities(query, hits);
    }

    private List<SearchHit> bm25(SearchQuery query, int n) throws IOException {
        if (query.text().isBlank()) {
            return List.of();
        }
        SearchResponse<Map> response = client.search(s -> s.index(index).size(n)
                .source(src -> src.filter(f -> f.excludes("vector", "search")))
                .query(q -> q.bool(b -> b.filter(term("tenant", query.tenant().value()))
                        .must(m -> m.match(t -> t.field("search").query(query.text()))))), DOC);
        List<SearchHit> hits = new ArrayList<>();
        List<Hit<Map>> raw = response.hits().hits();
        for (int i = 0; i < raw.size(); i++) {
            hits.add(hit(raw.get(i), raw.get(i).score() == null ? 0 : raw.get(i).score(), Double.NaN, i + 1, 0));
        }
        return hits;
    }

    private List<SearchHit> knn(SearchQuery query, int n) throws IOException {
        List<Float> vector = new ArrayList<>(query.vector().length);
        for (float f : query.vector()) {
            vector.add(f);
        }
        SearchResponse<Map> response = client.search(s -> s.index(index).size(n)
                .source(src -> src.filter(f -> f.excludes("vector", "search")))
                .knn(k -> k.field("vector").queryVector(vector).k(n).numCandidates(Math.max(100, 2 * n))
                        .filter(term("tenant", query.tenant().value()))), DOC);
        List<SearchHit> hits = new ArrayList<>();
        List<Hit<Map>> raw = response.hits().hits();
        for (int i = 0; i < raw.size(); i++) {
            double cosine = 2 * (raw.get(i).score() == null ? 0 : raw.get(i).score()) - 1;   // dot_product scores (1 + dot) / 2
            hits.add(hit(raw.get(i), cosine, cosine, 0, i + 1));
        }
        return hits;
    }

    /** Reads back the vectors of hits the kNN list did not score, so every hit carries its cosine. */
    private List<SearchHit> withSimilarities(SearchQuery query, List<SearchHit> hits) throws IOException {
        List<String> missing = hits.stream().filter(h -> Double.isNaN(h.similarity())).map(h -> key(query.tenant(), h.chunkId())).toList();
        if (missing.isEmpty()) {
            return hits;
        }
        MgetResponse<Map> vectors = client.mget(m -> m.index(index).ids(missing).sourceIncludes("vector"), DOC);
        Map<String, Double> cosines = new LinkedHashMap<>();
        vectors.docs().forEach(d -> {
            if (d.isResult() && d.result().found() && d.result().source() != null) {
                List<?> v = (List<?>) d.result().source().get("vector");
                double dot = 0;
                for (int i = 0; i < v.size(); i++) {
                    dot += ((Number) v.get(i)).doubleValue() * query.vector()[i];
                }
                cosines.put(d.result().id(), dot);
            }
        });
        return hits.stream().map(h -> Double.isNaN(h.similarity())
                ? new SearchHit(h.chunkId(), h.sourceId(), h.docKey(), h.title(), h.url(), h.headingPath(), h.text(), h.score(),
                cosines.getOrDefault(key(query.tenant(), h.chunkId()), Double.NaN), h.bm25Rank(), h.vectorRank())
                : h).toList();
    }

    @SuppressWarnings("unchecked")
    private static SearchHit hit(Hit<Map> hit, double score, double similarity, int bm25Rank, int vectorRank) {
        Map<String, Object> s = hit.source();
        List<String> headings = s.get("headings") instanceof List<?> l ? (List<String>) l : List.of();
        return new SearchHit((String) s.get("chunk"), (String) s.get("source"), (String) s.get("doc"), (String) s.get("title"),
                (String) s.get("url"), headings, (String) s.get("text"), score, similarity, bm25Rank, vectorRank);
    }
}
