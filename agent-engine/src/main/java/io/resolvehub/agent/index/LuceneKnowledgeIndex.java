package io.resolvehub.agent.index;

import io.resolvehub.core.TenantId;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The embedded index: one Lucene index for all tenants under {@code <hub.data-dir>/index}, BM25 on an English-analysed
 * text field and HNSW kNN on the 384-d vectors, fused by {@link RankFusion}. One {@link IndexWriter} and one
 * {@link SearcherManager} for the life of the process; every query carries a filter on the tenant field.
 */
public final class LuceneKnowledgeIndex implements KnowledgeIndex {

    private static final String ID = "id";
    private static final String TENANT = "tenant";
    private static final String SOURCE = "source";
    private static final String DOC = "doc";
    private static final String CHUNK = "chunk";
    private static final String TITLE = "title";
    private static final String URL = "url";
    private static final String HEADINGS = "headings";
    private static final String TEXT = "text";
    private static final String SEARCH = "search";
    private static final String VECTOR = "vector";
    private static final String SEPARATOR = "\u001f";
    /** How many hits each retriever contributes before fusion. */
    private static final int CANDIDATES = 50;
    /** Lucene caps boolean queries at 1024 clauses; a pasted essay as a question must not fail. */
    private static final int MAX_QUERY_TERMS = 64;

    private final Analyzer analyzer = new EnglishAnalyzer();
    private final FSDirectory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final LuceneVocabulary vocabulary = new LuceneVocabulary(TENANT, SEARCH);

    public LuceneKnowledgeIndex(Path path) {
        try {
            Files.createDirectories(path);
            directory = FSDirectory.open(path);
            IndexWriterConfig config = new IndexWriterConfig(analyzer);
            config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
            config.setRAMBufferSizeMB(64);
            writer = new IndexWriter(directory, config);
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("could not open the Lucene index at " + path, e);
        }
    }

    @Override
    public void add(List<IndexedChunk> chunks) {
        try {
            for (IndexedChunk chunk : chunks) {
                Document doc = new Document();
                String key = key(chunk.tenant(), chunk.id());
                doc.add(new StringField(ID, key, Field.Store.NO));
                doc.add(new StringField(TENANT, chunk.tenant().value(), Field.Store.NO));
                doc.add(new StringField(SOURCE, chunk.sourceId(), Field.Store.YES));
                doc.add(new StringField(DOC, chunk.docKey(), Field.Store.YES));
                doc.add(new StoredField(CHUNK, chunk.id()));
                if (chunk.title() != null) {
                    doc.add(new StoredField(TITLE, chunk.title()));
                }
                if (chunk.url() != null) {
                    doc.add(new StoredField(URL, chunk.url()));
                }
                doc.add(new StoredField(HEADINGS, String.join(SEPARATOR, chunk.headingPath())));
                doc.add(new StoredField(TEXT, chunk.text()));
                doc.add(new TextField(SEARCH, chunk.searchText(), Field.Store.NO));
                doc.add(new KnnFloatVectorField(VECTOR, chunk.vector(), VectorSimilarityFunction.DOT_PRODUCT));
                writer.updateDocument(new Term(ID, key), doc);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not add chunks to the Lucene index", e);
        }
    }

    @Override
    public void deleteSource(TenantId tenant, String sourceId) {
        delete(tenantFiltered(tenant, new TermQuery(new Term(SOURCE, sourceId))));
    }

    @Override
    public void deleteDocument(TenantId tenant, String sourceId, String docKey) {
        delete(new BooleanQuery.Builder()
                .add(new TermQuery(new Term(TENANT, tenant.value())), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(SOURCE, sourceId)), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(DOC, docKey)), BooleanClause.Occur.FILTER)
                .build());
    }

    private void delete(Query query) {
        try {
            writer.deleteDocuments(query);
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete from the Lucene index", e);
        }
    }

    @Override
    public void refresh() {
        try {
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("could not commit the Lucene index", e);
        }
    }

    @Override
    public List<SearchHit> search(SearchQuery query) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
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
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Lucene search failed", e);
        }
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

    private static Query tenantFiltered(TenantId tenant, Query query) {
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

    @Override
    public Map<String, Long> chunkFrequencies(TenantId tenant, Collection<String> terms) {
        return withSearcher(searcher -> vocabulary.chunkFrequencies(searcher, tenant, terms));
    }

    @Override
    public Map<String, String> spellingSuggestions(TenantId tenant, Collection<String> terms) {
        return withSearcher(searcher -> vocabulary.spellingSuggestions(searcher, tenant, terms));
    }

    private interface SearcherCall<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private <T> T withSearcher(SearcherCall<T> call) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return call.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Lucene search failed", e);
        }
    }

    @Override
    public long count(TenantId tenant) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return searcher.count(new TermQuery(new Term(TENANT, tenant.value())));
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Lucene count failed", e);
        }
    }

    private static String key(TenantId tenant, String chunkId) {
        return tenant.value() + "/" + chunkId;
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not close the Lucene index", e);
        }
    }
}
