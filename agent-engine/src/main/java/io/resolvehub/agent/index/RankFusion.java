package io.resolvehub.agent.index;

import io.resolvehub.agent.SearchHit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reciprocal-rank fusion of a BM25 list and a vector list: {@code score = Σ 1/(k + rank)}. Ranks, not raw scores, are
 * fused because BM25 scores are unbounded and differ per query while cosines sit in a narrow band; RRF needs no
 * per-corpus normalisation and is what both backends can compute identically.
 */
final class RankFusion {

    /** The usual constant from Cormack et al. (2009); larger values flatten the influence of the top ranks. */
    public static final int K = 60;

    private RankFusion() {
    }

    /**
     * @param bm25    BM25 hits, best first (their {@code similarity} may be NaN)
     * @param vectors vector hits, best first (their {@code similarity} is set)
     */
    public static List<SearchHit> fuse(List<SearchHit> bm25, List<SearchHit> vectors, int limit) {
        Map<String, double[]> scores = new LinkedHashMap<>();   // id -> {fused, similarity, bm25Rank, vectorRank}
        Map<String, SearchHit> byId = new LinkedHashMap<>();
        for (int i = 0; i < bm25.size(); i++) {
            SearchHit hit = bm25.get(i);
            byId.putIfAbsent(hit.chunkId(), hit);
            double[] s = scores.computeIfAbsent(hit.chunkId(), id -> new double[]{0, hit.similarity(), 0, 0});
            s[0] += 1.0 / (K + i + 1);
            s[2] = i + 1;
        }
        for (int i = 0; i < vectors.size(); i++) {
            SearchHit hit = vectors.get(i);
            byId.putIfAbsent(hit.chunkId(), hit);
            double[] s = scores.computeIfAbsent(hit.chunkId(), id -> new double[]{0, hit.similarity(), 0, 0});
            s[0] += 1.0 / (K + i + 1);
            s[1] = hit.similarity();
            s[3] = i + 1;
        }
        List<SearchHit> fused = new ArrayList<>();
        scores.forEach((id, s) -> {
            SearchHit h = byId.get(id);
            fused.add(new SearchHit(h.chunkId(), h.sourceId(), h.docKey(), h.title(), h.url(), h.headingPath(), h.text(),
                    s[0], s[1], (int) s[2], (int) s[3]));
        });
        fused.sort(Comparator.comparingDouble(SearchHit::score).reversed());
        return fused.size() > limit ? List.copyOf(fused.subList(0, limit)) : List.copyOf(fused);
    }
}
