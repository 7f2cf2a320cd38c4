package io.resolvehub.agent.ingest;

import io.resolvehub.agent.SearchHit;
import io.resolvehub.agent.SearchMode;
import io.resolvehub.agent.SearchQuery;
import io.resolvehub.agent.TestAgent;
import io.resolvehub.agent.index.LuceneKnowledgeIndex;
import io.resolvehub.core.TenantId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The writer on its own, on a real Lucene index and the real MiniLM: how chunks of several documents share calls. */
class BatchedDocumentWriterTest {

    private static final TenantId ACME = new TenantId("acme");
    private static final List<String> TOPICS = List.of(
            "Reset your password with the Forgot password link on the sign-in page.",
            "Invoices are listed under Settings, Billing, and can be downloaded as PDF.",
            "Orders ship within two business days from our warehouse in Rotterdam.",
            "Refunds are issued to the original card within fourteen days.",
            "Turn on dark mode under Appearance to reduce glare at night.",
            "Export your notes as Markdown files from the File menu.",
            "Two-factor authentication asks for a code from your authenticator app.",
            "Deleting your account removes every note after thirty days.",
            "The mobile app syncs notes whenever it has a network connection.",
            "Press Ctrl+K to open the command palette and search every command.",
            "Share a notebook by inviting a teammate with their email address.",
            "Attachments larger than twenty-five megabytes are rejected on upload.");

    @TempDir
    Path dir;

    @Test
    void chunksOfConsecutiveDocumentsShareFullEmbeddingCallsAndLandOnTheirOwnDocuments() {
        TestAgent.CountingEmbedder embedder = new TestAgent.CountingEmbedder(TestAgent.EMBEDDER);
        List<String> indexed = new ArrayList<>();
        try (LuceneKnowledgeIndex index = new LuceneKnowledgeIndex(dir)) {
            BatchedDocumentWriter writer = new BatchedDocumentWriter(embedder, index, ACME, "src_1", 4);
            // Documents of 1, 6, 2 and 3 chunks: the 6-chunk one spans two groups, the others share them.
            int[] sizes = {1, 6, 2, 3};
            int topic = 0;
            for (int d = 0; d < sizes.length; d++) {
                List<Chunk> chunks = new ArrayList<>();
                for (int c = 0; c < sizes[d]; c++) {
                    chunks.add(new Chunk("Doc " + d, List.of("Doc " + d, "Section " + c), TOPICS.get(topic++)));
                }
                String docKey = "doc-" + d;
                writer.add(docKey, "https://help.example/" + d, chunks, () -> indexed.add(docKey));
            }
            writer.flush();
            index.refresh();

            assertThat(embedder.embedAllSizes).containsExactly(4, 4, 4);
            assertThat(writer.embedCalls()).isEqualTo(3);
            assertThat(indexed).containsExactly("doc-0", "doc-1", "doc-2", "doc-3");
            assertThat(index.count(ACME)).isEqualTo(12);
            int t = 0;
            for (int d = 0; d < sizes.length; d++) {
                for (int c = 0; c < sizes[d]; c++, t++) {
                    SearchHit best = index.search(new SearchQuery(ACME, null, TestAgent.EMBEDDER.embed(TOPICS.get(t)), 1, SearchMode.VECTOR)).getFirst();
                    assertThat(best.text()).as("vector search for topic %d", t).isEqualTo(TOPICS.get(t));
                    assertThat(best.docKey()).isEqualTo("doc-" + d);
                    assertThat(best.url()).isEqualTo("https://help.example/" + d);
                    assertThat(best.headingPath()).containsExactly("Doc " + d, "Section " + c);
                }
            }
        }
    }

    @Test
    void aDocumentIsWrittenOnlyOnceAllItsChunksAreEmbeddedAndReplacesItsOldChunks() {
        TestAgent.CountingEmbedder embedder = new TestAgent.CountingEmbedder(TestAgent.EMBEDDER);
        try (LuceneKnowledgeIndex index = new LuceneKnowledgeIndex(dir)) {
            BatchedDocumentWriter first = new BatchedDocumentWriter(embedder, index, ACME, "src_1", 8);
            first.add("doc", null, List.of(new Chunk("Old", List.of(), TOPICS.get(0)), new Chunk("Old", List.of(), TOPICS.get(1)),
                    new Chunk("Old", List.of(), TOPICS.get(2))), () -> { });
            first.flush();
            index.refresh();
            assertThat(index.count(ACME)).isEqualTo(3);

            List<String> indexed = new ArrayList<>();
            BatchedDocumentWriter second = new BatchedDocumentWriter(embedder, index, ACME, "src_1", 8);
            second.add("doc", null, List.of(new Chunk("New", List.of(), TOPICS.get(3))), () -> indexed.add("doc"));
            assertThat(indexed).as("a partial group waits for more documents or flush()").isEmpty();
            second.flush();
            index.refresh();
            assertThat(indexed).containsExactly("doc");
            assertThat(index.count(ACME)).isEqualTo(1);
            assertThat(index.search(new SearchQuery(ACME, "refunds card", null, 5, SearchMode.BM25)))
                    .extracting(SearchHit::title).containsExactly("New");
            assertThat(embedder.embedAllSizes).containsExactly(3, 1);
        }
    }
}
