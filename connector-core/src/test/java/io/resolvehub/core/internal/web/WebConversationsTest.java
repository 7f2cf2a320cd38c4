package io.resolvehub.core.internal.web;

import io.resolvehub.core.ConversationId;
import io.resolvehub.core.ConversationStatus;
import io.resolvehub.core.Decision;
import io.resolvehub.core.HandoffReason;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.conversation.ConversationNotFoundException;
import io.resolvehub.core.conversation.WebReply;
import io.resolvehub.core.event.ConversationResolved;
import io.resolvehub.core.internal.ConversationCore;
import io.resolvehub.core.internal.PipelineFixture;
import io.resolvehub.core.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebConversationsTest {

    private static final TenantId ACME = PipelineFixture.ACME;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aWebMessageIsAnsweredByWhicheverInstanceClaimsIt(TestDatabase db) {
        try (PipelineFixture f = new PipelineFixture(db)) {
            ConversationCore front = f.newInstance();   // takes the REST call, runs no workers
            ConversationCore worker = f.newInstance();
            worker.start();
            ConversationId id = front.webConversations().start(ACME, "dana");

            WebReply reply = front.webConversations().post(ACME, id, "How do I export?");

            assertThat(reply.reply().decision()).isEqualTo(Decision.ANSWER);
            assertThat(reply.reply().text()).isEqualTo("Answer to: How do I export?");
            assertThat(reply.status()).isEqualTo(ConversationStatus.OPEN);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void feedbackResolvesOrHandsOff(TestDatabase db) {
        try (PipelineFixture f = new PipelineFixture(db)) {
            ConversationCore hub = f.newInstance();
            hub.start();
            ConversationId good = hub.webConversations().start(ACME, null);
            hub.webConversations().post(ACME, good, "How do I export?");
            assertThat(hub.webConversations().feedback(ACME, good, true).status()).isEqualTo(ConversationStatus.RESOLVED);
            assertThat(f.publisher.of(ConversationResolved.class)).hasSize(1);

            ConversationId bad = hub.webConversations().start(ACME, null);
            hub.webConversations().post(ACME, bad, "How do I export?");
            WebReply handoff = hub.webConversations().feedback(ACME, bad, false);
            assertThat(handoff.status()).isEqualTo(ConversationStatus.ESCALATED);
            assertThat(handoff.reply().reason()).isEqualTo(HandoffReason.NEGATIVE_FEEDBACK);
            assertThat(handoff.reply().text()).contains("#HUB-");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void refusesAnotherTenantsConversation(TestDatabase db) {
        try (PipelineFixture f = new PipelineFixture(db)) {
            ConversationCore hub = f.newInstance();
            ConversationId id = hub.webConversations().start(ACME, null);
            assertThatThrownBy(() -> hub.webConversations().post(new TenantId("globex"), id, "hi"))
                    .isInstanceOf(ConversationNotFoundException.class);
            assertThatThrownBy(() -> hub.webConversations().post(ACME, new ConversationId("nope"), "hi"))
                    .isInstanceOf(ConversationNotFoundException.class);
        }
    }
}
