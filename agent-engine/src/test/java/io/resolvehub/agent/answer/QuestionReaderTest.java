package io.resolvehub.agent.answer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QuestionReaderTest {

    @Test
    void aLongFormIsFoundByTheInitialsOfItsWords() {
        assertThat(QuestionReader.byInitials("Turn on two-factor authentication", "2FA")).isEqualTo("two-factor authentication");
        assertThat(QuestionReader.byInitials("sign in with single sign-on", "SSO")).isEqualTo("single sign-on");
    }

    @Test
    void aLongFormIsFoundByLettersInsideItsWordsWhenInitialsFallShort() {
        assertThat(QuestionReader.byInitials("timestamp authority", "TSA")).isEqualTo("timestamp authority");
        assertThat(QuestionReader.byInitials("DomainKeys Identified Mail", "DKIM")).isEqualTo("DomainKeys Identified Mail");
        assertThat(QuestionReader.byInitials("the time off in lieu", "TOIL")).isEqualTo("time off in lieu");
    }

    @Test
    void wordsThatDoNotSpellTheShortFormAreNoLongForm() {
        assertThat(QuestionReader.byInitials("your company account", "SSO")).isNull();
        assertThat(QuestionReader.byInitials("authority stamp", "TSA")).isNull();
    }
}
