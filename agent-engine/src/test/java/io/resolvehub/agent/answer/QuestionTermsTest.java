package io.resolvehub.agent.answer;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class QuestionTermsTest {

    @Test
    void aWordAnyQuestionUsesCountsLittleInCoverage() {
        Set<String> own = Terms.of("how long is the reset link good for");
        // "good" is rare in this help center, so by rarity alone it would weigh most
        Map<String, Double> weights = Map.of("long", 1.0, "reset", 1.0, "link", 1.0, "good", 3.0);
        QuestionTerms generic = new QuestionTerms(own, Set.of(), own, Map.of(), weights, Set.of(), Set.of("long", "good"), Map.of());
        QuestionTerms plain = new QuestionTerms(own, Set.of(), own, Map.of(), weights, Set.of(), Set.of(), Map.of());
        Set<String> answer = Terms.of("Reset links are valid for 45 minutes.");

        assertThat(plain.coverage(answer)).isEqualTo(2 / 6.0);
        assertThat(generic.coverage(answer)).isEqualTo(2 / 3.0);
    }
}
