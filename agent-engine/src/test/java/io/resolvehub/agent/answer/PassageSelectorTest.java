package io.resolvehub.agent.answer;

import io.resolvehub.agent.embed.Embedder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PassageSelectorTest {

    /** Fails the test if the selector asks the model anything: a clear lexical winner must cost no model call. */
    private static final Embedder NO_MODEL_CALLS = new Embedder() {
        @Override
        public int dimension() {
            return 384;
        }

        @Override
        public float[] embed(String text) {
            throw new AssertionError("unexpected model call for: " + text);
        }

        @Override
        public List<float[]> embedAll(List<String> texts) {
            throw new AssertionError("unexpected model call for: " + texts);
        }
    };

    @Test
    void aHowToQuestionGetsTheStepsEvenWhenAProseSentenceMatchesMoreOfItsWords() {
        String question = "how do I reset the sync password for offline export";
        String passage = """
                Resetting the sync password also affects offline export, because exports are encrypted with it.
                To reset the sync password:
                1. Open Settings and choose Sync.
                2. Click the button and confirm.
                """;

        PassageSelector.Selection selection = PassageSelector.select(List.of(passage), List.of(""), Terms.of(question), Set.of(),
                question, new float[384], NO_MODEL_CALLS);

        assertThat(selection.excerpt()).isEqualTo("To reset the sync password:\n1. Open Settings and choose Sync.\n2. Click the button and confirm.");
    }

    @Test
    void aSentenceThatMatchesClearlyMoreOfTheQuestionsWordsWinsWithoutAModelCall() {
        String question = "can I export notes offline";
        String passage = "Notes sync every few minutes. You can export notes while offline from the File menu. Themes are in Settings.";

        PassageSelector.Selection selection = PassageSelector.select(List.of(passage), List.of(""), Terms.of(question), Set.of(),
                question, new float[384], NO_MODEL_CALLS);

        assertThat(selection.excerpt()).startsWith("You can export notes while offline from the File menu.");
    }
}
