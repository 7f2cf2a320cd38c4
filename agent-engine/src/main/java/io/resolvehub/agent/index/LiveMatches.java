package io.resolvehub.agent.index;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;

import java.io.IOException;

/**
 * How many live documents match a query, and whether any does, segment by segment: from the segment's statistics when
 * they tell ({@link Weight#count}), by walking its matches otherwise. {@link IndexSearcher#count} gives the same
 * figure, but ends the collection of every segment whose statistics tell by throwing a
 * {@code CollectionTerminatedException}: the vocabulary's look-ups threw about sixteen of them for every question
 * answered, each with its stack trace filled in.
 */
final class LiveMatches {

    private LiveMatches() {
    }

    static long count(IndexSearcher searcher, Query query) throws IOException {
        return matches(searcher, query, Long.MAX_VALUE);
    }

    static boolean any(IndexSearcher searcher, Query query) throws IOException {
        return matches(searcher, query, 1) > 0;
    }

    /** Live matches, counted up to {@code enough}. */
    private static long matches(IndexSearcher searcher, Query query, long enough) throws IOException {
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
        long total = 0;
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            int known = weight.count(leaf);
            if (known >= 0) {
                total += known;
            } else {
                Scorer scorer = weight.scorer(leaf);
                if (scorer != null) {
                    Bits live = leaf.reader().getLiveDocs();
                    DocIdSetIterator docs = scorer.iterator();
                    for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS && total < enough; doc = docs.nextDoc()) {
                        if (live == null || live.get(doc)) {
                            total++;
                        }
                    }
                }
            }
            if (total >= enough) {
                return total;
            }
        }
        return total;
    }
}
