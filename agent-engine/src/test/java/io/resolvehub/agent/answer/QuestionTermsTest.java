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
        QuestionTerms generic = new QuestionTerms(own, Set.of(), own, Map.of(), weights, Set.of(), Set.of("long", "good"), Map.of(), Set.of());
        QuestionTerms plain = new QuestionTerms(own, Set.of(), own, Map.of(), weights, Set.of(), Set.of(), Map.of(), Set.of());
        Set<String> answer = Terms.of("Reset links are valid for 45 minutes.");

        assertThat(plain.coverage(answer)).isEqualTo(2 / 6.0);
        assertThat(generic.coverage(answer)).isEqualTo(2 / 3.0);
    }

    @Test
    void anEverydayWordTheDocsNeverUseCountsLessAsUnknownThanAName() {
        assertThat(EverydayWords.is("winter")).isTrue();
        assertThat(EverydayWords.is("Mistake")).isTrue();
        assertThat(EverydayWords.is("yubikey")).isFalse();
        assertThat(EverydayWords.is("salesforce")).isFalse();

        Set<String> own = Set.of("paus", "store", "winter");
        Map<String, Double> weights = Map.of("paus", 1.0, "store", 1.0, "winter", 2.0);
        QuestionTerms asEveryday = new QuestionTerms(own, Set.of(), own, Map.of(), weights, Set.of("winter"), Set.of(), Map.of(),
                Set.of("winter"));
        QuestionTerms asName = new QuestionTerms(own, Set.of(), own, Map.of(), weights, Set.of("winter"), Set.of(), Map.of(), Set.of());

        assertThat(asName.unknownShare()).isEqualTo(2 / 4.0);
        assertThat(asEveryday.unknownShare()).isEqualTo(QuestionTerms.EVERYDAY_SHARE * 2 / 4.0);
    }
}
