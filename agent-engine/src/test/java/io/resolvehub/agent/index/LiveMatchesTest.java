package io.resolvehub.agent.index;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LiveMatchesTest {

    @Test
    void countsWhatIndexSearcherCountsOverSegmentsWithAndWithoutDeletions() throws IOException {
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
             IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()))) {
            for (int segment = 0; segment < 3; segment++) {
                for (int i = 0; i < 10; i++) {
                    Document doc = new Document();
                    doc.add(new StringField("id", segment + "-" + i, Field.Store.NO));
                    doc.add(new StringField("tenant", i % 2 == 0 ? "acme" : "globex", Field.Store.NO));
                    doc.add(new StringField("word", i % 3 == 0 ? "invoice" : "password", Field.Store.NO));
                    writer.addDocument(doc);
                }
                writer.commit(); // a segment each
            }
            writer.deleteDocuments(new Term("id", "1-0"), new Term("id", "1-6"), new Term("id", "2-3"));
            writer.commit();
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                assertThat(reader.leaves()).hasSizeGreaterThan(1);
                for (Query query : List.of(new TermQuery(new Term("tenant", "acme")), both("acme", "invoice"),
                        both("globex", "invoice"), both("acme", "password"), both("acme", "nowhere"))) {
                    assertThat(LiveMatches.count(searcher, query)).as(query.toString()).isEqualTo(searcher.count(query));
                    assertThat(LiveMatches.any(searcher, query)).as(query.toString()).isEqualTo(searcher.count(query) > 0);
                }
                assertThat(LiveMatches.count(searcher, both("acme", "invoice"))).as("1-0 and 1-6 deleted").isEqualTo(4);
            }
        }
    }

    private static Query both(String tenant, String word) {
        return new BooleanQuery.Builder()
                .add(new TermQuery(new Term("tenant", tenant)), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term("word", word)), BooleanClause.Occur.FILTER)
                .build();
    }
}
