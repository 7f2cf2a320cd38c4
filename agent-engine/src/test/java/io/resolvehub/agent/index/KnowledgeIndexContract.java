package io.resolvehub.agent.index;

import io.resolvehub.agent.IndexedChunk;
import io.resolvehub.agent.KnowledgeIndex;
import io.resolvehub.agent.SearchHit;
import io.resolvehub.agent.SearchMode;
import io.resolvehub.agent.SearchQuery;
import io.resolvehub.agent.TestAgent;
import io.resolvehub.core.TenantId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract every {@link KnowledgeIndex} passes (Lucene and Elasticsearch): BM25, vector and hybrid search,
 * deletes by source and by document, and tenant isolation even when two tenants use the same source id.
 */
public abstract class KnowledgeIndexContract {

    protected static final TenantId ACME = new TenantId("acme");
    protected static final TenantId GLOBEX = new TenantId("globex");

    protected KnowledgeIndex index;

    /** A fresh, empty index. */
    protected abstract KnowledgeIndex createIndex();

    @BeforeEach
    void open() {
        index = createIndex();
    }

    @AfterEach
    void closeIndex() {
        index.close();
    }

    protected static IndexedChunk chunk(TenantId tenant, String source, String doc, String id, String title, String text) {
        String search = title + "\n" + text;
        return new IndexedChunk(id, tenant, source, doc, title, "https://help.example/" + id, List.of(title), text, search,
                TestAgent.EMBEDDER.embed(search));
    }

    private void addHelpCenter(TenantId tenant, String prefix) {
        List<IndexedChunk> chunks = new ArrayList<>();
        chunks.add(chunk(tenant, "s1", "d1", prefix + "pw", "Reset your password",
                "Click Forgot password on the sign-in page and follow the link we email you."));
        chunks.add(chunk(tenant, "s1", "d2", prefix + "2fa", "Two-factor authentication",
                "Turn on two-factor authentication under Settings, Security, then scan the QR code."));
        chunks.add(chunk(tenant, "s2", "d3", prefix + "invoice", "Download invoices",
                "Invoices are listed under Settings, Billing; click Download next to a month."));
        chunks.add(chunk(tenant, "s2", "d4", prefix + "export", "Export your notes",
                "Export a notebook as Markdown or PDF from the notebook menu."));
        index.add(chunks);
        index.refresh();
    }

    private static SearchQuery query(TenantId tenant, String text, SearchMode mode) {
        return new SearchQuery(tenant, text, TestAgent.EMBEDDER.embed(text), 5, mode);
    }

    @Test
    void bm25FindsTheChunkWithTheQueryWords() {
        addHelpCenter(ACME, "a-");
        List<SearchHit> hits = index.search(query(ACME, "download invoices", SearchMode.BM25));
        assertThat(hits.getFirst().chunkId()).isEqualTo("a-invoice");
        assertThat(hits.getFirst().bm25Rank()).isEqualTo(1);
        assertThat(hits.getFirst().similarity()).isBetween(0.2, 1.0);
    }

    @Test
    void vectorSearchFindsAParaphraseWithoutSharedWords() {
        addHelpCenter(ACME, "a-");
        List<SearchHit> hits = index.search(query(ACME, "I forgot my login credentials", SearchMode.VECTOR));
        assertThat(hits.getFirst().chunkId()).isEqualTo("a-pw");
        assertThat(hits.getFirst().vectorRank()).isEqualTo(1);
        assertThat(hits.getFirst().similarity()).isEqualTo(hits.getFirst().score(), org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void hybridSearchFusesBothRankingsAndKeepsStoredFields() {
        addHelpCenter(ACME, "a-");
        List<SearchHit> hits = index.search(query(ACME, "how do I turn on 2FA security code", SearchMode.HYBRID));
        SearchHit top = hits.getFirst();
        assertThat(top.chunkId()).isEqualTo("a-2fa");
        assertThat(top.bm25Rank()).isPositive();
        assertThat(top.vectorRank()).isPositive();
        assertThat(top.sourceId()).isEqualTo("s1");
        assertThat(top.docKey()).isEqualTo("d2");
        assertThat(top.title()).isEqualTo("Two-factor authentication");
        assertThat(top.url()).isEqualTo("https://help.example/a-2fa");
        assertThat(top.headingPath()).containsExactly("Two-factor authentication");
        assertThat(top.text()).startsWith("Turn on two-factor authentication");
        assertThat(hits).extracting(SearchHit::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void aTenantNeverSeesAnotherTenantsChunksEvenWithTheSameSourceIds() {
        addHelpCenter(ACME, "a-");
        index.add(List.of(chunk(GLOBEX, "s1", "d1", "g-secret", "Globex payroll",
                "Reset your password for the Globex payroll portal by calling extension 4242.")));
        index.refresh();
        for (SearchMode mode : SearchMode.values()) {
            assertThat(index.search(query(ACME, "reset password payroll extension 4242", mode)))
                    .as(mode.name()).allMatch(h -> h.chunkId().startsWith("a-"));
            assertThat(index.search(query(GLOBEX, "reset password", mode)))
                    .as(mode.name()).extracting(SearchHit::chunkId).containsExactly("g-secret");
        }
        assertThat(index.count(ACME)).isEqualTo(4);
        assertThat(index.count(GLOBEX)).isEqualTo(1);
        index.deleteSource(GLOBEX, "s1");
        index.refresh();
        assertThat(index.count(ACME)).isEqualTo(4);
        assertThat(index.count(GLOBEX)).isZero();
    }

    @Test
    void countsTheTenantsChunksHoldingEachStem() {
        addHelpCenter(ACME, "a-");
        index.add(List.of(chunk(GLOBEX, "s1", "d1", "g-payroll", "Globex payroll", "Payroll runs monthly.")));
        index.refresh();
        assertThat(index.chunkFrequencies(ACME, List.of("password", "invoic", "set", "payrol", "salesforc")))
                .containsEntry("password", 1L).containsEntry("invoic", 1L).containsEntry("set", 2L)
                .containsEntry("payrol", 0L).containsEntry("salesforc", 0L);
    }

    @Test
    void suggestsTheTenantsOwnSpellingForAWordItsChunksNeverHold() {
        addHelpCenter(ACME, "a-");
        index.add(List.of(chunk(GLOBEX, "s1", "d1", "g-payroll", "Globex payroll", "Payroll runs monthly.")));
        index.refresh();
        assertThat(index.spellingSuggestions(ACME, List.of("pasword", "invocie", "password", "payrol", "zzzzqqq")))
                .containsEntry("pasword", "password").containsEntry("invocie", "invoic")
                .doesNotContainKeys("password", "payrol", "zzzzqqq");
    }

    @Test
    void deletingASourceRemovesExactlyItsChunks() {
        addHelpCenter(ACME, "a-");
        index.deleteSource(ACME, "s2");
        index.refresh();
        assertThat(index.count(ACME)).isEqualTo(2);
        assertThat(index.search(query(ACME, "invoices export notebook", SearchMode.HYBRID)))
                .extracting(SearchHit::sourceId).containsOnly("s1");
    }

    @Test
    void deletingADocumentLeavesTheRestOfItsSource() {
        addHelpCenter(ACME, "a-");
        index.deleteDocument(ACME, "s1", "d1");
        index.refresh();
        assertThat(index.count(ACME)).isEqualTo(3);
        assertThat(index.search(query(ACME, "two-factor", SearchMode.BM25))).extracting(SearchHit::chunkId).containsExactly("a-2fa");
    }

    @Test
    void addingAChunkWithAnExistingIdReplacesIt() {
        addHelpCenter(ACME, "a-");
        index.add(List.of(chunk(ACME, "s2", "d4", "a-export", "Export your notes", "Exports now also support HTML.")));
        index.refresh();
        assertThat(index.count(ACME)).isEqualTo(4);
        assertThat(index.search(query(ACME, "export HTML", SearchMode.BM25)).getFirst().text()).isEqualTo("Exports now also support HTML.");
    }

    @Test
    void anEmptyTenantOrAQueryOfStopWordsReturnsNothingRatherThanFailing() {
        addHelpCenter(ACME, "a-");
        assertThat(index.search(query(GLOBEX, "password", SearchMode.HYBRID))).isEmpty();
        assertThat(index.search(query(ACME, "the of and", SearchMode.BM25))).isEmpty();
        assertThat(index.search(query(ACME, "\"unbalanced (query AND OR* ~", SearchMode.HYBRID))).isNotEmpty();
    }
}
