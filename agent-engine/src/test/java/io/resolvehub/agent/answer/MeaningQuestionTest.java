package io.resolvehub.agent.answer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MeaningQuestionTest {

    @Test
    void asksWhatAShortFormMeansInTheWaysUsersPutIt() {
        assertThat(MeaningQuestion.asksAbout("what is a QES", "QES")).isTrue();
        assertThat(MeaningQuestion.asksAbout("What does TOIL stand for?", "TOIL")).isTrue();
        assertThat(MeaningQuestion.asksAbout("what's SCIM?", "SCIM")).isTrue();
        assertThat(MeaningQuestion.asksAbout("What is DKIM? the branding page tells me to add records for it", "DKIM")).isTrue();
        assertThat(MeaningQuestion.asksAbout("the certificate article mentions a TSA, what is that?", "TSA")).isTrue();
        assertThat(MeaningQuestion.asksAbout("what does KBA mean", "KBA")).isTrue();
        assertThat(MeaningQuestion.asksAbout("3DS?", "3DS")).isTrue();
        assertThat(MeaningQuestion.asksAbout("the SSO page talks about JIT, what's that", "JIT")).isTrue();
    }

    @Test
    void aQuestionAboutSomethingTheShortFormNamesIsNot() {
        assertThat(MeaningQuestion.asksAbout("what is the SSO login url", "SSO")).isFalse();
        assertThat(MeaningQuestion.asksAbout("how do I turn on 2FA", "2FA")).isFalse();
        assertThat(MeaningQuestion.asksAbout("what is the rate limit of the API", "API")).isFalse();
        assertThat(MeaningQuestion.asksAbout("is SAML supported on the Team plan?", "SAML")).isFalse();
        assertThat(MeaningQuestion.asksAbout("do you support SSO?", "SSO")).isFalse();
    }
}
