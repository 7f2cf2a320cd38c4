package io.resolvehub.agent.index;

import io.resolvehub.agent.IndexedChunk;
import io.resolvehub.agent.KnowledgeIndex;
import io.resolvehub.agent.SearchHit;
import io.resolvehub.agent.SearchQuery;
import io.resolvehub.core.TenantId;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The embedded index: one Lucene index for all tenants under {@code <hub.data-dir>/index}, BM25 on an English-analysed
 * text field and HNSW kNN on the 384-d vectors, fused by {@link RankFusion}. One {@link IndexWriter} and one
 * {@link SearcherManager} for the life of the process; every query carries a filter on the tenant field. This class
 * writes and manages the index; {@link LuceneRetrievers} searches it.
 */
public final class LuceneKnowledgeIndex implements KnowledgeIndex {

    static final String ID = "id";
    static final String TENANT = "tenant";
    static final String SOURCE = "source";
    static final String DOC = "doc";
    static final String CHUNK = "chunk";
    static final String TITLE = "title";
    static final String URL = "url";
    static final String HEADINGS = "headings";
    static final String TEXT = "text";
    static final String SEARCH = "search";
    static final String VECTOR = "vector";
    static final String SEPARATOR = "\u001f";

    private final Analyzer analyzer = new EnglishAnalyzer();
    private final LuceneRetrievers retrievers = new LuceneRetrievers(analyzer);
    private final OwnerOnlyDirectory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final LuceneVocabulary vocabulary = new LuceneVocabulary(TENANT, SEARCH);

    public LuceneKnowledgeIndex(Path path) {
        try {
            Files.createDirectories(path);
            directory = new OwnerOnlyDirectory(FSDirectory.open(path));
            IndexWriterConfig config = new IndexWriterConfig(analyzer);
            config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
            config.setRAMBufferSizeMB(64);
            writer = new IndexWriter(directory, config);
            directory.narrow(IndexWriter.WRITE_LOCK_NAME);
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
        delete(LuceneRetrievers.tenantFiltered(tenant, new TermQuery(new Term(SOURCE, sourceId))));
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
        return withSearcher(searcher -> retrievers.search(searcher, query));
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
                return LiveMatches.count(searcher, new TermQuery(new Term(TENANT, tenant.value())));
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
