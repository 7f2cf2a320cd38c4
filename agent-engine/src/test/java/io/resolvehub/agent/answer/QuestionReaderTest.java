package io.resolvehub.agent.answer;

import io.resolvehub.agent.IndexedChunk;
import io.resolvehub.agent.TestAgent;
import io.resolvehub.agent.index.LuceneKnowledgeIndex;
import io.resolvehub.core.TenantId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How a question is read against the tenant's vocabulary (real Lucene, real MiniLM). */
class QuestionReaderTest {

    private static final TenantId SHOP = new TenantId("shop");

    @TempDir
    Path dir;

    @Test
    void anEverydayWordTheDocumentsNeverUseIsNotCorrectedToTheirNearestWord() {
        try (LuceneKnowledgeIndex index = new LuceneKnowledgeIndex(dir.resolve("index"))) {
            index.add(List.of(chunk("payouts", "Payouts", "Every store must add a bank account. The payout fee is 1% of each payout."),
                    chunk("password", "Reset your password", "Click Forgot password on the sign-in page.")));
            index.refresh();
            QuestionReader.Reading reading = new QuestionReader(index).read(SHOP,
                    StandaloneQuery.of("how much is the payout fee, i forgot my pasword", List.of()));

            // "much" is two edits from the documents' "must", as "pasword" is one from "password": only the typo is corrected
            assertThat(reading.terms().own()).contains("much", "password").doesNotContain("must", "pasword");
            assertThat(reading.searchAddition()).contains("password").doesNotContain("must");
        }
    }

    private static IndexedChunk chunk(String id, String title, String text) {
        String search = title + "\n" + text;
        return new IndexedChunk(id, SHOP, "s1", id, title, "https://help.example/" + id, List.of(title), text, search,
                TestAgent.EMBEDDER.embed(search));
    }
}
