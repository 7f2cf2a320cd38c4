package io.resolvehub.core.internal.pipeline;

import io.resolvehub.core.Answer;
import io.resolvehub.core.Decision;
import io.resolvehub.core.HandoffReason;
import io.resolvehub.core.conversation.FirstTurnDryRun;
import io.resolvehub.core.conversation.HandoffPolicy;
import io.resolvehub.core.internal.ConversationCore;
import io.resolvehub.core.internal.PipelineFixture;
import io.resolvehub.core.testing.ScriptedAnswerEngine;
import io.resolvehub.core.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static io.resolvehub.core.internal.PipelineFixture.ACME;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /ask}'s dry run applies the tenant's hand-off policy as a first turn would, and stores nothing. */
class PolicyDryRunTest {

    private PipelineFixture f;
    private ConversationCore hub;
    private FirstTurnDryRun dryRun;

    @AfterEach
    void close() {
        if (f != null) f.close();
    }

    private void start(TestDatabase db) {
        f = new PipelineFixture(db);
        hub = f.newInstance();
        dryRun = hub.dryRun();
    }

    private Answer ask(String question) {
        return dryRun.ask(ACME, question, List.of());
    }

    private long rows(String table) {
        return f.jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRequestForAPersonIsAUserRequestHandoffByPhraseOrByMeaning(TestDatabase db) {
        start(db);
        f.personRequests = text -> text.startsWith("put me through");
        assertThat(ask("Can I talk to a human?").reason()).isEqualTo(HandoffReason.USER_REQUEST);
        Answer byMeaning = ask("put me through to someone on your team");
        assertThat(byMeaning.decision()).isEqualTo(Decision.HANDOFF);
        assertThat(byMeaning.reason()).isEqualTo(HandoffReason.USER_REQUEST);
        assertThat(byMeaning.text()).doesNotContain("{ticket}").doesNotContain("ticket");
        assertThat(f.engine.requests()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void lowConfidenceClarifiesOrHandsOffPerClarifyFirst(TestDatabase db) {
        start(db);
        f.engine.always(Answer.answer("maybe this", 0.3, List.of(ScriptedAnswerEngine.CITATION)));
        assertThat(ask("it does not work").decision()).isEqualTo(Decision.CLARIFY);
        hub.handoffPolicies().save(ACME, new HandoffPolicy(0.5, 3, List.of("human"), false));
        Answer handoff = ask("it does not work");
        assertThat(handoff.reason()).isEqualTo(HandoffReason.LOW_CONFIDENCE);
        assertThat(handoff.confidence()).isEqualTo(0.3);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theTenantsThresholdAloneDecides(TestDatabase db) {
        start(db);
        f.engine.always(Answer.answer("the answer", 0.35, List.of(ScriptedAnswerEngine.CITATION)));
        hub.handoffPolicies().save(ACME, new HandoffPolicy(0.3, 3, List.of("human"), true));
        assertThat(ask("how do I export?").decision()).isEqualTo(Decision.ANSWER);
        hub.handoffPolicies().save(ACME, new HandoffPolicy(0.4, 3, List.of("human"), false));
        assertThat(ask("how do I export?").reason()).isEqualTo(HandoffReason.LOW_CONFIDENCE);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void nothingRelevantIsNoKnowledgeAndAFailingEngineAnEngineError(TestDatabase db) {
        start(db);
        f.engine.always(Answer.handoff("nothing", 0.05, HandoffReason.NO_KNOWLEDGE));
        assertThat(ask("do you sell pizza?").reason()).isEqualTo(HandoffReason.NO_KNOWLEDGE);
        f.engine.failWith(new IllegalStateException("index down"));
        Answer failed = ask("how do I export?");
        assertThat(failed.reason()).isEqualTo(HandoffReason.ENGINE_ERROR);
        assertThat(failed.text()).isNotBlank().doesNotContain("{ticket}");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void neverStoresNorBillsAnything(TestDatabase db) {
        start(db);
        f.coinMeter = (tenant, conversation, channel, answer) -> {
            throw new AssertionError("a dry run must not hold coins");
        };
        assertThat(ask("how do I export?").decision()).isEqualTo(Decision.ANSWER);
        ask("talk to a human");
        assertThat(rows("conversations")).isZero();
        assertThat(rows("inbound_events")).isZero();
        assertThat(rows("conversation_turns")).isZero();
    }
}
