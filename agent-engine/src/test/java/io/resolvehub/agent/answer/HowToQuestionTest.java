package io.resolvehub.agent.answer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HowToQuestionTest {

    @Test
    void readsWhetherAQuestionAsksHowToDoSomething() {
        assertThat(HowToQuestion.is("how do I cancel my plan")).isTrue();
        assertThat(HowToQuestion.is("reset my password")).isTrue();
        assertThat(HowToQuestion.is("I want to export my invoices")).isTrue();
        assertThat(HowToQuestion.is("i never got the reset email, what now?")).isFalse();
        assertThat(HowToQuestion.is("does deleting a client remove their invoices?")).isFalse();
        assertThat(HowToQuestion.is("how many invoices can I export at once")).isFalse();
        assertThat(HowToQuestion.is("reset email never showed up")).isFalse();
        assertThat(HowToQuestion.is("the forgot password page won't let me reset, our company uses okta")).isFalse();
        assertThat(HowToQuestion.is("I want to delete my own account, not the company one")).isTrue();
    }
}
