package io.resolvehub.agent.index;

import io.resolvehub.agent.SearchHit;
import io.resolvehub.agent.SearchQuery;
import io.resolvehub.core.TenantId;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static io.resolvehub.agent.index.LuceneKnowledgeIndex.CHUNK;
import static io.resolvehub.agent.index.LuceneKnowledgeIndex.DOC;
import static io.resolvehub.agent.index.LuceneKnowledgeIndex.HEADINGS;
import static io.resolvehub.agent.index.LuceneKnowledgeIndex.SEARCH;
import static io.resolvehub.agent.index.LuceneKnowledgeIndex.SEPARATOR;
import static io.resolvehub.agent.index.LuceneKnowledgeIndex.SOURCE;
import static io.resolvehub.agent.index.LuceneKnowledgeIndex.TENANT;
import static io.resolvehub.agent.index.LuceneKnowledgeIndex.TEXT;
import static io.resolvehub.agent.index.LuceneKnowledgeIndex.TITLE;
import static io.resolvehub.agent.index.LuceneKnowledgeIndex.URL;
import static io.resolvehub.agent.index.LuceneKnowledgeIndex.VECTOR;

/**
 * The searches of {@link LuceneKnowledgeIndex}: BM25 on the English-analysed text field and HNSW kNN on the vectors,
 * each filtered on the tenant, fused by {@link RankFusion}; only the hits that survive fusion have their stored fields
 * read.
 */
final class LuceneRetrievers {

    /** How many hits each retriever contributes before fusion. */
    private static final int CANDIDATES = 50;
    /** Lucene caps boolean queries at 1024 clauses; a pasted essay as a question must not fail. */
    private static final int MAX_QUERY_TERMS = 64;

    private final Analyzer analyzer;

    LuceneRetrievers(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** The query's hits, ranked by its mode, with their stored fields. */
    List<SearchHit> search(IndexSearcher searcher, SearchQuery query) throws IOException {
        int candidates = Math.max(query.limit(), CANDIDATES);
        List<SearchHit> ranked = switch (query.mode()) {
            case BM25 -> head(bm25(searcher, query, query.limit()), query.limit());
            case VECTOR -> knn(searcher, query, query.limit());
            case HYBRID -> RankFusion.fuse(bm25(searcher, query, candidates), knn(searcher, query, candidates), query.limit());
        };
        StoredFields stored = searcher.storedFields();
        List<SearchHit> hits = new ArrayList<>(ranked.size());
        for (SearchHit h : ranked) {
            hits.add(materialize(searcher, stored, h, query.vector()));
        }
        return hits;
    }

    /*
     * Both retrievers return bare hits (Lucene doc id, score, rank): fusion needs nothing more, and reading the stored
     * fields and vectors of all 2 × 50 candidates cost more than the searches themselves. Only the hits that survive
     * fusion are read, by materialize().
     */

    private List<SearchHit> bm25(IndexSearcher searcher, SearchQuery query, int n) throws IOException {
        Set<String> terms = analyze(query.text());
        if (terms.isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder words = new BooleanQuery.Builder();
        terms.stream().limit(MAX_QUERY_TERMS).forEach(t -> words.add(new TermQuery(new Term(SEARCH, t)), BooleanClause.Occur.SHOULD));
        TopDocs top = searcher.search(tenantFiltered(query.tenant(), words.build()), n);
        List<SearchHit> hits = new ArrayList<>();
        for (int i = 0; i < top.scoreDocs.length; i++) {
            hits.add(bare(top.scoreDocs[i].doc, top.scoreDocs[i].score, Double.NaN, i + 1, 0));
        }
        return hits;
    }

    private List<SearchHit> knn(IndexSearcher searcher, SearchQuery query, int n) throws IOException {
        Query knn = new KnnFloatVectorQuery(VECTOR, query.vector(), n, new TermQuery(new Term(TENANT, query.tenant().value())));
        TopDocs top = searcher.search(knn, n);
        List<SearchHit> hits = new ArrayList<>();
        for (int i = 0; i < top.scoreDocs.length; i++) {
            double cosine = 2 * top.scoreDocs[i].score - 1;   // Lucene scores DOT_PRODUCT as (1 + dot) / 2
            hits.add(bare(top.scoreDocs[i].doc, cosine, cosine, 0, i + 1));
        }
        return hits;
    }

    private static SearchHit bare(int doc, double score, double similarity, int bm25Rank, int vectorRank) {
        return new SearchHit(Integer.toString(doc), null, null, null, null, List.of(), null, score, similarity, bm25Rank, vectorRank);
    }

    /** A bare hit with its stored fields, and its cosine when only BM25 found it. */
    private static SearchHit materialize(IndexSearcher searcher, StoredFields stored, SearchHit bare, float[] queryVector)
            throws IOException {
        int doc = Integer.parseInt(bare.chunkId());
        double similarity = Double.isNaN(bare.similarity()) && queryVector != null ? similarity(searcher, doc, queryVector) : bare.similarity();
        Document d = stored.document(doc);
        String headings = d.get(HEADINGS);
        List<String> path = headings == null || headings.isEmpty() ? List.of() : Arrays.asList(headings.split(SEPARATOR));
        return new SearchHit(d.get(CHUNK), d.get(SOURCE), d.get(DOC), d.get(TITLE), d.get(URL), path, d.get(TEXT),
                bare.score(), similarity, bare.bm25Rank(), bare.vectorRank());
    }

    /** The cosine of a BM25 hit that kNN did not return: read its vector back (unit vectors, so dot = cosine). */
    private static double similarity(IndexSearcher searcher, int doc, float[] query) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        FloatVectorValues values = leaf.reader().getFloatVectorValues(VECTOR);
        if (values == null) {
            return Double.NaN;
        }
        KnnVectorValues.DocIndexIterator iterator = values.iterator();
        int target = doc - leaf.docBase;
        if (iterator.advance(target) != target) {
            return Double.NaN;
        }
        float[] vector = values.vectorValue(iterator.index());
        double dot = 0;
        for (int i = 0; i < vector.length; i++) {
            dot += vector[i] * query[i];
        }
        return dot;
    }

    static Query tenantFiltered(TenantId tenant, Query query) {
        return new BooleanQuery.Builder()
                .add(new TermQuery(new Term(TENANT, tenant.value())), BooleanClause.Occur.FILTER)
                .add(query, BooleanClause.Occur.MUST)
                .build();
    }

    private Set<String> analyze(String text) throws IOException {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream stream = analyzer.tokenStream(SEARCH, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        }
        return terms;
    }

    private static List<SearchHit> head(List<SearchHit> hits, int limit) {
        return hits.size() > limit ? hits.subList(0, limit) : hits;
    }
}
