package io.resolvehub.agent.answer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UnitTest {

    @Test
    void anInitialOrATitleBeforeANameDoesNotEndASentence() {
        String passage = "The war ended when General Robert E. Lee surrendered to Gen. Grant at Appomattox. "
                + "Dr. Mary Walker was there too. Walls were built from c. 700 BC on. "
                + "Open a panel, e.g. Settings or Billing. It was published by M.G. Slayton in 1882.";

        assertThat(Unit.cut(passage, 0)).extracting(Unit::text).containsExactly(
                "The war ended when General Robert E. Lee surrendered to Gen. Grant at Appomattox.",
                "Dr. Mary Walker was there too.",
                "Walls were built from c. 700 BC on.",
                "Open a panel, e.g. Settings or Billing.",
                "It was published by M.G. Slayton in 1882.");
    }

    @Test
    void sentencesStillEndBeforeACapitalOrADigit() {
        String passage = "Invite links expire after 7 days. 2FA codes last 30 seconds! Need help? Contact us.";

        assertThat(Unit.cut(passage, 0)).extracting(Unit::text).containsExactly(
                "Invite links expire after 7 days.", "2FA codes last 30 seconds!", "Need help?", "Contact us.");
    }
}
