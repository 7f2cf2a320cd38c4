package io.resolvehub.agent.answer;

import io.resolvehub.agent.IndexedChunk;
import io.resolvehub.agent.SearchHit;
import io.resolvehub.agent.TestAgent;
import io.resolvehub.agent.VoiceSettings;
import io.resolvehub.agent.index.LuceneKnowledgeIndex;
import io.resolvehub.core.AnswerRequest;
import io.resolvehub.core.TenantId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The vector search reads a question as the documents spell it (real Lucene, real MiniLM). */
class RespelledSearchTest {

    private static final TenantId SHOP = new TenantId("shop");

    @TempDir
    Path dir;

    @Test
    void aChatShortFormIsSearchedByMeaningAsTheDocumentsSpellIt() {
        try (LuceneKnowledgeIndex index = new LuceneKnowledgeIndex(dir.resolve("index"))) {
            index.add(List.of(
                    chunk("password", "Reset your password", "Password rules",
                            "A password needs at least 12 characters, with one number and one symbol."),
                    chunk("sso", "Single sign-on", "Requirements",
                            "Your identity provider must support SAML 2.0, and every staff member needs a company email."),
                    chunk("api", "API overview", "Requirements",
                            "API requests need a token with the read scope and must use HTTPS.")));
            index.refresh();
            ExtractiveAnswerEngine engine = new ExtractiveAnswerEngine(index, TestAgent.EMBEDDER, t -> VoiceSettings.DEFAULT,
                    ConfidenceModel.CALIBRATED);

            List<SearchHit> hits = engine.retrieve(new AnswerRequest(SHOP, "what are the pw requirements", List.of())).passages()
                    .stream().map(ExtractiveAnswerEngine.Scored::hit).toList();

            // MiniLM reads "pw" as nothing in particular; "what are the pw requirements password" is about passwords
            SearchHit password = hits.stream().filter(h -> h.docKey().equals("password")).findFirst().orElseThrow();
            assertThat(password.vectorRank()).isEqualTo(1);
            assertThat(hits.getFirst().docKey()).isEqualTo("password");
        }
    }

    @Test
    void aRespelledQuestionIsReadByTheModelOnce() {
        try (LuceneKnowledgeIndex index = new LuceneKnowledgeIndex(dir.resolve("index"))) {
            index.add(List.of(chunk("password", "Reset your password", "Password rules",
                    "A password needs at least 12 characters, with one number and one symbol.")));
            index.refresh();
            TestAgent.CountingEmbedder counting = new TestAgent.CountingEmbedder(TestAgent.EMBEDDER);
            ExtractiveAnswerEngine engine = new ExtractiveAnswerEngine(index, counting, t -> VoiceSettings.DEFAULT,
                    ConfidenceModel.CALIBRATED);

            float[] vector = engine.retrieve(new AnswerRequest(SHOP, "what are the pasword requirements", List.of())).vector();

            // the search and the judging of the answer share the respelled question's vector: the model's work is most of
            // an answer's time
            assertThat(counting.texts.get()).isEqualTo(1);
            assertThat(vector).containsExactly(TestAgent.EMBEDDER.embed("what are the pasword requirements\npassword"));
        }
    }

    private static IndexedChunk chunk(String id, String title, String heading, String text) {
        String search = title + "\n" + heading + "\n" + text;
        return new IndexedChunk(id, SHOP, "s1", id, title, "https://help.example/" + id, List.of(title, heading), text, search,
                TestAgent.EMBEDDER.embed(search));
    }
}
