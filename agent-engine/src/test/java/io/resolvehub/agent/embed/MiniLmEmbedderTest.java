package io.resolvehub.agent.embed;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import io.resolvehub.agent.TestAgent;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MiniLmEmbedderTest {

    private static double dot(float[] a, float[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d += a[i] * b[i];
        }
        return d;
    }

    @Test
    void batchedVectorsMatchLangChain4jsOneAtATimeVectors() {
        List<String> texts = List.of("How do I reset my password?", "Invoices can be downloaded from Settings → Billing.",
                "Offline mode keeps your notes on this device; conflicts are kept as copies.", "2FA", "a much longer text "
                        .repeat(20));
        AllMiniLmL6V2EmbeddingModel reference = new AllMiniLmL6V2EmbeddingModel();
        List<float[]> batched = TestAgent.EMBEDDER.embedAll(texts);
        for (int i = 0; i < texts.size(); i++) {
            float[] expected = reference.embed(TextSegment.from(texts.get(i))).content().vector();
            assertThat(dot(batched.get(i), expected)).as(texts.get(i)).isGreaterThan(0.9999);
        }
    }

    @Test
    void vectorsAreUnitLengthAndSemanticallyOrdered() {
        float[] question = TestAgent.EMBEDDER.embed("I forgot my password");
        float[] related = TestAgent.EMBEDDER.embed("Reset a forgotten password from the sign-in page");
        float[] unrelated = TestAgent.EMBEDDER.embed("Export your notes as a PDF");
        assertThat(dot(question, question)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(dot(question, related)).isGreaterThan(dot(question, unrelated) + 0.2);
    }

    @Test
    void aTokenCapReadsOnlyTheOpeningOfEachText() {
        String opening = "Didn't get the email? Check your spam folder and wait a few minutes before you request another link. ";
        String withCode = opening + "curl -X POST https://api.example.com/v1/reset?token=9f8a7b6c5d4e3f2a1b0c&redirect=%2Fhome ".repeat(8);
        String withProse = opening + "Reset links expire after thirty minutes and can be used only once, on any device.";

        List<float[]> capped = TestAgent.EMBEDDER.embedAll(List.of(withCode, withProse), 16);
        List<float[]> whole = TestAgent.EMBEDDER.embedAll(List.of(withCode, withProse));

        // the first 16 tokens of both are the same sentence: capped, they are the same vector; read whole, they differ
        assertThat(dot(capped.get(0), capped.get(1))).isGreaterThan(0.9999);
        assertThat(dot(whole.get(0), whole.get(1))).isLessThan(0.95);
        assertThat(dot(capped.get(0), capped.get(0))).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
    }
}
