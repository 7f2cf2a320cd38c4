package io.resolvehub.agent.answer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

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

    @Test
    void proseThatTellsTheReaderWhatToDoInstructsAsStepsDo() {
        String passage = "Go to Settings > Security and choose Required for everyone.\n"
                + "- You can cancel at any time. Click Cancel subscription and pick a reason.\n"
                + "To change these after sending, open the envelope.\n"
                + "Reports are kept under Insights > Weekly.\n"
                + "Invite links expire after 7 days. Admins can share a template with the whole workspace.\n"
                + "Plan | Price\nPro | $8 > Starter";

        assertThat(Unit.cut(passage, 0)).extracting(Unit::text, Unit::instructs).containsExactly(
                tuple("Go to Settings > Security and choose Required for everyone.", true),
                tuple("- You can cancel at any time. Click Cancel subscription and pick a reason.", true),
                tuple("To change these after sending, open the envelope.", true),
                tuple("Reports are kept under Insights > Weekly.", true),
                tuple("Invite links expire after 7 days.", false),
                tuple("Admins can share a template with the whole workspace.", false),
                tuple("Plan | Price", false),
                tuple("Pro | $8 > Starter", false));
    }
}
