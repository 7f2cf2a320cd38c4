package io.resolvehub.insights;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TopicLabelsTest {

    private static final Set<String> FILLER = Set.of("how", "do", "i", "my", "can", "a", "the", "to", "an");

    /** Plural "s" off, filler out: enough of a stemmer to show labels count stems and show written words. */
    private static final WordStems STEMS = word -> FILLER.contains(word) ? Optional.empty()
            : Optional.of(word.endsWith("s") ? word.substring(0, word.length() - 1) : word);

    @Test
    void namesATopicByTheWordsItsQuestionsShareAndOthersDoNot() {
        List<String> keys = List.of("How do I rotate my API key?", "rotate API keys", "Can I rotate an API key");
        List<String> passwords = List.of("How do I reset my password?", "reset my password", "password reset");
        List<String> all = new java.util.ArrayList<>(keys);
        all.addAll(passwords);
        TopicLabels labels = new TopicLabels(STEMS, all);

        assertThat(labels.label(keys)).isEqualTo("api, key, rotate");
        assertThat(labels.label(passwords)).isEqualTo("password, reset");
    }

    @Test
    void aTopicOfFillerHasAPlainLabel() {
        TopicLabels labels = new TopicLabels(STEMS, List.of("how do I", "how can I"));

        assertThat(labels.label(List.of("how do I", "how can I"))).isEqualTo("other questions");
    }

    @Test
    void examplesAreDistinctAndNewestFirst() {
        var t = java.time.Instant.EPOCH;
        List<AskedQuestion> asked = List.of(
                new AskedQuestion("c1", "reset password", t, 1L, Outcome.OPEN, null, false),
                new AskedQuestion("c2", "forgot password", t, 1L, Outcome.OPEN, null, false),
                new AskedQuestion("c3", "reset password ", t, 1L, Outcome.OPEN, null, false));

        assertThat(TopicLabels.examples(asked, 5)).containsExactly("reset password", "forgot password");
    }
}
