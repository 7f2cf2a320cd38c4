package io.resolvehub.core.internal.pipeline;

import io.resolvehub.core.Answer;
import io.resolvehub.core.Decision;
import io.resolvehub.core.HandoffReason;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.TenantVoice;
import io.resolvehub.core.conversation.HandoffPolicy;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class UserNoticesTest {

    private static final TenantId ACME = new TenantId("acme");
    private static final TenantId PLAIN = new TenantId("plain-co");

    /** Acme set a greeting and a sign-off; plain-co did not. */
    private final UserNotices notices = new UserNotices((tenant, text) ->
            tenant.equals(ACME) ? "Hi from Acme!\n\n" + text + "\n\nAcme Support" : text);

    @Test
    void everyTextTheHubWritesIsInTheTenantsVoice() {
        assertThat(notices.handoffTemplate(ACME, HandoffReason.USER_REQUEST))
                .startsWith("Hi from Acme!").endsWith("Acme Support").contains("(ticket {ticket})");
        assertThat(notices.clarify(ACME, 0.2, List.of()).text()).startsWith("Hi from Acme!").endsWith("Acme Support");
        assertThat(notices.thanks(ACME).text()).startsWith("Hi from Acme!").contains("glad that solved it");
        Answer dryRun = notices.handoffWithoutTicket(ACME, HandoffReason.ENGINE_ERROR, 0);
        assertThat(dryRun.text()).startsWith("Hi from Acme!").endsWith("Acme Support").doesNotContain("ticket");
        assertThat(dryRun.reason()).isEqualTo(HandoffReason.ENGINE_ERROR);
    }

    @Test
    void aTenantWithoutAVoiceGetsTheTextsAsTheyAre() {
        assertThat(notices.handoffTemplate(PLAIN, HandoffReason.NEGATIVE_FEEDBACK))
                .startsWith("Sorry that didn't help.").endsWith("(ticket {ticket}).");
        assertThat(new UserNotices(TenantVoice.plain()).clarify(ACME, 0.2, List.of()).text())
                .isEqualTo(UserNotices.CLARIFY);
    }

    @Test
    void theHandoffRulesSpeakThroughTheNotices() {
        HandoffRules rules = new HandoffRules(notices);
        HandoffPolicy policy = HandoffPolicy.defaults();
        Answer engineHandoff = Answer.handoff("the engine's own words", 0.1, HandoffReason.NO_KNOWLEDGE);

        Answer reply = rules.decide(policy, ACME, 0, 0, engineHandoff);

        assertThat(reply.decision()).isEqualTo(Decision.HANDOFF);
        assertThat(reply.text()).isEqualTo(notices.handoffTemplate(ACME, HandoffReason.NO_KNOWLEDGE));
    }
}
