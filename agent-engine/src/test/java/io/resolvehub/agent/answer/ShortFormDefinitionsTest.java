package io.resolvehub.agent.answer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ShortFormDefinitionsTest {

    @Test
    void aLongFormIsFoundByTheInitialsOfItsWords() {
        assertThat(ShortFormDefinitions.byInitials("Turn on two-factor authentication", "2FA")).isEqualTo("two-factor authentication");
        assertThat(ShortFormDefinitions.byInitials("sign in with single sign-on", "SSO")).isEqualTo("single sign-on");
    }

    @Test
    void aLongFormIsFoundByLettersInsideItsWordsWhenInitialsFallShort() {
        assertThat(ShortFormDefinitions.byInitials("timestamp authority", "TSA")).isEqualTo("timestamp authority");
        assertThat(ShortFormDefinitions.byInitials("DomainKeys Identified Mail", "DKIM")).isEqualTo("DomainKeys Identified Mail");
        assertThat(ShortFormDefinitions.byInitials("the time off in lieu", "TOIL")).isEqualTo("time off in lieu");
    }

    @Test
    void wordsThatDoNotSpellTheShortFormAreNoLongForm() {
        assertThat(ShortFormDefinitions.byInitials("your company account", "SSO")).isNull();
        assertThat(ShortFormDefinitions.byInitials("authority stamp", "TSA")).isNull();
    }
}
