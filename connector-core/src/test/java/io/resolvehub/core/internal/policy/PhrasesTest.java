package io.resolvehub.core.internal.policy;

import io.resolvehub.core.conversation.HandoffPolicy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PhrasesTest {

    @ParameterizedTest
    @ValueSource(strings = {"talk to a human", "Can I TALK TO A HUMAN?", "agent please!", "I want a real person",
            "Ich möchte mit einem Menschen sprechen", "quiero hablar con una persona", "Je veux parler à un humain",
            "je veux parler a un humain", "vorrei parlare con un operatore", "quero falar com um atendente"})
    void recognisesRequestsForAPersonInSeveralLanguages(String text) {
        assertThat(Phrases.asksForHuman(text, HandoffPolicy.DEFAULT_HUMAN_PHRASES)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"How do I reset my password?", "Who is the human resources contact in the docs?",
            "agents list export"})
    void leavesOrdinaryQuestionsToTheAgent(String text) {
        assertThat(Phrases.asksForHuman(text, HandoffPolicy.DEFAULT_HUMAN_PHRASES)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"That solved it", "thanks, that worked!", "Perfect, it works now", "Das hat geholfen, danke",
            "merci, ça marche"})
    void recognisesAShortConfirmation(String text) {
        assertThat(Phrases.confirmsResolution(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"that worked before, but now the export fails with an error on every single file?",
            "that didn't work", "it worked? how do I check", "no, that did not help"})
    void doesNotMistakeAFollowUpForAConfirmation(String text) {
        assertThat(Phrases.confirmsResolution(text)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"That didn't help", "not helpful", "still not working", "Das hat nicht geholfen"})
    void recognisesAShortComplaint(String text) {
        assertThat(Phrases.saysNotHelpful(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"human please"})
    void usesTheTenantsOwnPhrases(String text) {
        assertThat(Phrases.asksForHuman(text, List.of("Human Please"))).isTrue();
        assertThat(Phrases.asksForHuman("talk to a human", List.of("Human Please"))).isFalse();
    }
}
