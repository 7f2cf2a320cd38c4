package io.resolvehub.agent.answer;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SupportSynonymsTest {

    @Test
    void aQuestionsWordMeetsTheOtherWordsOfItsGroupAsTheDocumentsStemThem() {
        Map<String, List<Set<String>>> synonyms = SupportSynonyms.of(Terms.of("how do I cancel an envelope I already sent"));

        assertThat(synonyms.get("cancel")).contains(Terms.of("void"), Terms.of("terminate"));
        assertThat(synonyms).doesNotContainKeys("envelop", "sent");
    }

    @Test
    void aPhraseCountsForEachOfItsWordsAndAPhraseSynonymNeedsAllOfItsWords() {
        Map<String, List<Set<String>>> synonyms = SupportSynonyms.of(Terms.of("do I get my money back"));

        assertThat(synonyms.get("monei")).contains(Terms.of("refund"));
        assertThat(synonyms.get("back")).contains(Terms.of("refund"));
        assertThat(SupportSynonyms.of(Terms.of("do I get a refund")).get("refund")).contains(Terms.of("money back"));
    }

    @Test
    void aSentenceNamingTheDocumentsWordForWhatTheUserSaidAnswersIt() {
        String question = "how do I cancel an envelope I already sent";
        Set<String> own = Terms.of(question);
        QuestionTerms terms = new QuestionTerms(own, Set.of(), own, Map.of(), Map.of(), Set.of(), Set.of(),
                SupportSynonyms.of(own), Set.of());
        List<String> passage = List.of("Correct an envelope when an email address is misspelled and send it again.\n\n"
                + "Void an envelope to stop it entirely, for example when the deal fell through.");

        PassageSelector.Selection selection = PassageSelector.select(passage, List.of("If you are the sender"), terms, question,
                AnswerType.of(question), HowToQuestion.is(question), new float[384], null);

        assertThat(selection.quote().answering()).first().asString().startsWith("Void an envelope");
        assertThat(terms.found("cancel", Terms.of("Void an envelope"))).isTrue();
        assertThat(QuestionTerms.plain(own, Set.of()).found("cancel", Terms.of("Void an envelope"))).isFalse();
    }
}
