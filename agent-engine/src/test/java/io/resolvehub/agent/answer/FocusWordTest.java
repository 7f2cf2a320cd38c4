package io.resolvehub.agent.answer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FocusWordTest {

    @Test
    void aWhatOrWhichQuestionAsksAboutTheWordAfterIt() {
        assertThat(focus("what columns does the bulk send file need")).isEqualTo("column");
        assertThat(focus("Which kind of IDs are accepted?")).isEqualTo("id");
    }

    @Test
    void aVerbOrADeterminerAfterWhatIsNoFocusNorIsAQuestionOfAnotherShape() {
        assertThat(focus("what is the bulk send limit")).isNull();
        assertThat(focus("what does the Pro plan cost")).isNull();
        assertThat(focus("what happens if I cancel")).isNull();
        assertThat(focus("how many columns can the file have")).isNull();
    }

    private static String focus(String question) {
        return FocusWord.of(question, Terms.of(question));
    }
}
