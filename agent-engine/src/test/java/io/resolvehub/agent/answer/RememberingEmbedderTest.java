package io.resolvehub.agent.answer;

import io.resolvehub.agent.Embedder;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RememberingEmbedderTest {

    /** Records what reaches the model; a text's vector is its length and the length it was read to. */
    private static final class RecordingModel implements Embedder {
        final List<List<String>> calls = new ArrayList<>();

        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public float[] embed(String text) {
            return embedAll(List.of(text)).getFirst();
        }

        @Override
        public List<float[]> embedAll(List<String> texts) {
            return embedAll(texts, 256);
        }

        @Override
        public List<float[]> embedAll(List<String> texts, int maxTokens) {
            calls.add(texts);
            return texts.stream().map(t -> new float[]{t.length(), maxTokens}).toList();
        }
    }

    @Test
    void aTextReadToTheSameLengthAgainIsNotSentToTheModelAgain() {
        RecordingModel model = new RecordingModel();
        RememberingEmbedder embedder = new RememberingEmbedder(model);

        embedder.embedAll(List.of("tie one", "tie two"), 40);
        List<float[]> vectors = embedder.embedAll(List.of("tie two", "companion", "companion"), 40);

        assertThat(model.calls).containsExactly(List.of("tie one", "tie two"), List.of("companion"));
        assertThat(vectors).extracting(v -> v[0]).containsExactly(7f, 9f, 9f);
    }

    @Test
    void theSameTextReadToAnotherLengthIsEmbeddedAgain() {
        RecordingModel model = new RecordingModel();
        RememberingEmbedder embedder = new RememberingEmbedder(model);

        embedder.embedAll(List.of("question"), 40);
        float[] whole = embedder.embed("question");

        assertThat(model.calls).hasSize(2);
        assertThat(whole[1]).isEqualTo(256f);
    }
}
