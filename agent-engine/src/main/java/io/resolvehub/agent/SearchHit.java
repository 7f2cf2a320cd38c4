package io.resolvehub.agent;

import java.util.List;

/**
 * One retrieved chunk.
 *
 * @param score      the ranking score of the mode searched (BM25 score, cosine, or reciprocal-rank fusion)
 * @param similarity cosine similarity of the query vector and the chunk vector, in [-1,1], whatever the mode
 *                   (NaN when the search had no query vector)
 * @param bm25Rank   1-based rank in the BM25 list, 0 when not in it
 * @param vectorRank 1-based rank in the vector list, 0 when not in it
 */
public record SearchHit(String chunkId, String sourceId, String docKey, String title, String url,
                        List<String> headingPath, String text, double score, double similarity,
                        int bm25Rank, int vectorRank) {
}
