package io.resolvehub.agent.ingest;

import io.resolvehub.agent.KnowledgeSource;
import io.resolvehub.agent.SearchMode;
import io.resolvehub.agent.SearchQuery;
import io.resolvehub.agent.SourceStatus;
import io.resolvehub.agent.SourceType;
import io.resolvehub.agent.TestAgent;
import io.resolvehub.agent.UnsupportedFileTypeException;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IngestionTest {

    private static final TenantId ACME = new TenantId("acme");

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anUploadGoesFromPendingToReadyWithItsChunksSearchable(TestDatabase database) {
        try (TestAgent agent = new TestAgent(database, dir)) {
            KnowledgeSource added = agent.knowledge.addFile(ACME, null, "reset-your-password.md", "text/markdown",
                    TestAgent.resource("demo-help-center/reset-your-password.md"));
            assertThat(added.status()).isEqualTo(SourceStatus.PENDING);
            KnowledgeSource ready = agent.awaitFinished(ACME, added.id());
            assertThat(ready.status()).isEqualTo(SourceStatus.READY);
            assertThat(ready.title()).isEqualTo("Reset your password");
            assertThat(ready.chunks()).isGreaterThan(1).isEqualTo((int) agent.index.count(ACME));
            assertThat(agent.knowledge.list(ACME)).extracting(KnowledgeSource::id).containsExactly(added.id());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void badUploadsFailWithAReadableReasonAndLeaveOtherSourcesIntact(TestDatabase database) throws Exception {
        try (TestAgent agent = new TestAgent(database, dir)) {
            KnowledgeSource good = agent.knowledge.addText(ACME, "Refunds", "Refunds are issued within 14 days of purchase.");
            agent.awaitFinished(ACME, good.id());
            long before = agent.index.count(ACME);

            byte[] validPdf = PdfParserTest.pdf(List.of(List.of("hello")), null, null);
            byte[] hugePdf = PdfParserTest.pdf(Collections.nCopies(60, List.of("page")), null, null);   // limit is 50 here
            record Bad(String name, byte[] content, String reason) {
            }
            List<Bad> bad = List.of(
                    new Bad("corrupt.pdf", java.util.Arrays.copyOf(validPdf, 60), "the PDF is damaged"),
                    new Bad("empty.txt", new byte[0], "'empty.txt' is empty"),
                    new Bad("notes.md", new byte[]{0x50, 0x4b, 0x03, 0x04, 0, 0, (byte) 0xff, 0x13}, "holds binary data"),
                    new Bad("manual.pdf", hugePdf, "the PDF has 60 pages, more than the limit of 50"),
                    new Bad("blank.html", "<html><body><nav>menu</nav></body></html>".getBytes(StandardCharsets.UTF_8), "no text was found"));
            for (Bad b : bad) {
                KnowledgeSource source = agent.knowledge.addFile(ACME, null, b.name(), null, b.content());
                KnowledgeSource failed = agent.awaitFinished(ACME, source.id());
                assertThat(failed.status()).as(b.name()).isEqualTo(SourceStatus.FAILED);
                assertThat(failed.error()).as(b.name()).contains(b.reason());
                assertThat(failed.chunks()).isZero();
            }
            assertThat(agent.index.count(ACME)).isEqualTo(before);
            assertThat(agent.knowledge.find(ACME, good.id()).orElseThrow().status()).isEqualTo(SourceStatus.READY);
        }
    }

    @Test
    void anUnsupportedTypeIsRefusedBeforeAnythingIsStored() {
        try (TestAgent agent = new TestAgent(TestDatabase.H2, dir)) {
            assertThatThrownBy(() -> agent.knowledge.addFile(ACME, null, "report.docx", "application/octet-stream", new byte[]{1}))
                    .isInstanceOf(UnsupportedFileTypeException.class).hasMessageContaining("PDF (.pdf), Markdown");
            assertThatThrownBy(() -> agent.knowledge.addText(ACME, "x", "  ")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> agent.knowledge.addWeb(ACME, SourceType.URL, "ftp://x", null))
                    .hasMessageContaining("absolute http(s) URL");
            assertThat(agent.knowledge.list(ACME)).isEmpty();
        }
    }

    @Test
    void deletingASourceRemovesItsChunksFromTheIndex() {
        try (TestAgent agent = new TestAgent(TestDatabase.H2, dir)) {
            KnowledgeSource a = agent.knowledge.addText(ACME, "Refunds", "Refunds are issued within 14 days of purchase.");
            KnowledgeSource b = agent.knowledge.addText(ACME, "Shipping", "Orders ship within two business days.");
            agent.awaitFinished(ACME, a.id());
            agent.awaitFinished(ACME, b.id());
            assertThat(agent.knowledge.delete(ACME, a.id())).isTrue();
            assertThat(agent.knowledge.delete(new TenantId("globex"), b.id())).as("another tenant's source").isFalse();
            assertThat(agent.index.count(ACME)).isEqualTo(1);
            assertThat(agent.index.search(new SearchQuery(ACME, "refunds purchase", null, 5, SearchMode.BM25)))
                    .allMatch(h -> h.sourceId().equals(b.id()));
            assertThat(agent.knowledge.list(ACME)).extracting(KnowledgeSource::id).containsExactly(b.id());
        }
    }

    @Test
    void aResyncOfUnchangedContentEmbedsNothingAgain() {
        try (TestAgent agent = new TestAgent(TestDatabase.H2, dir)) {
            KnowledgeSource source = agent.knowledge.addFile(ACME, null, "export.md", null,
                    TestAgent.resource("demo-help-center/export-your-notes.md"));
            int chunks = agent.awaitFinished(ACME, source.id()).chunks();
            int embedded = agent.embedder.texts.get();
            assertThat(embedded).isEqualTo(chunks);
            agent.knowledge.resync(ACME, source.id());
            agent.awaitIdle();
            KnowledgeSource again = agent.awaitFinished(ACME, source.id());
            assertThat(again.status()).isEqualTo(SourceStatus.READY);
            assertThat(again.chunks()).isEqualTo(chunks);
            assertThat(agent.embedder.texts.get()).isEqualTo(embedded);
            assertThat(agent.index.count(ACME)).isEqualTo(chunks);
        }
    }

    @Test
    void aSourceACrashLeftIndexingIsRestartedFromScratchOnStartup() {
        Path indexDir = dir;
        javax.sql.DataSource db = TestDatabase.H2.freshDataSource("classpath:db/migration/core", "classpath:db/migration/agent");
        String id;
        try (TestAgent first = new TestAgent(db, indexDir)) {
            id = first.knowledge.addText(ACME, "Refunds", "Refunds are issued within 14 days of purchase.").id();
            first.awaitFinished(ACME, id);
            // Simulate a crash mid-way: the row says indexing, the index holds a stray partial chunk.
            first.sources.setStatus(id, SourceStatus.INDEXING, null, null);
        }
        try (TestAgent restarted = new TestAgent(db, indexDir)) {
            assertThat(restarted.ingestor.resumeUnfinished()).isEqualTo(1);
            KnowledgeSource source = restarted.awaitFinished(ACME, id);
            assertThat(source.status()).isEqualTo(SourceStatus.READY);
            assertThat(restarted.index.count(ACME)).isEqualTo(source.chunks()).isEqualTo(1);
        }
    }

    @Test
    void recoveryOnStartupLeavesASourceThisProcessIsIndexingAlone() {
        try (TestAgent agent = new TestAgent(TestDatabase.H2, dir)) {
            String id = agent.knowledge.addFile(ACME, null, "export.md", null,
                    TestAgent.resource("demo-help-center/export-your-notes.md")).id();

            assertThat(agent.ingestor.resumeUnfinished()).as("sources redone as if a crash left them").isZero();

            KnowledgeSource source = agent.awaitFinished(ACME, id);
            assertThat(source.status()).isEqualTo(SourceStatus.READY);
            assertThat(agent.index.count(ACME)).isEqualTo(source.chunks());
            assertThat(agent.embedder.texts.get()).as("chunks embedded").isEqualTo(source.chunks());
        }
    }
}
