package io.resolvehub.core.internal.web;

import io.resolvehub.core.ConversationId;
import io.resolvehub.core.Decision;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.conversation.WebReply;
import io.resolvehub.core.internal.ConversationCore;
import io.resolvehub.core.internal.PipelineFixture;
import io.resolvehub.core.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web channel does not wait for a worker to pick its message up: the REST caller stores the event claimed by its
 * own instance and answers it on its own thread, so even an instance whose workers never started replies at once.
 */
class WebCallerIsItsOwnWorkerTest {

    private static final TenantId ACME = PipelineFixture.ACME;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anInstanceWithoutRunningWorkersAnswersItsWebMessages(TestDatabase db) {
        try (PipelineFixture f = new PipelineFixture(db)) {
            ConversationCore alone = f.newInstance();   // never started: no worker threads at all
            ConversationId id = alone.webConversations().start(ACME, "dana");

            WebReply first = alone.webConversations().post(ACME, id, "How do I export?");
            WebReply second = alone.webConversations().post(ACME, id, "And how do I import?");

            assertThat(first.reply().decision()).isEqualTo(Decision.ANSWER);
            assertThat(first.reply().text()).isEqualTo("Answer to: How do I export?");
            assertThat(second.reply().text()).isEqualTo("Answer to: And how do I import?");
            assertThat(alone.inboundEvents().unfinished()).isZero();
        }
    }
}
