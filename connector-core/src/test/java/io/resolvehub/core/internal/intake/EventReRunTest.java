package io.resolvehub.core.internal.intake;

import io.resolvehub.core.HandoffReason;
import io.resolvehub.core.InboundMessage;
import io.resolvehub.core.conversation.InboxItem;
import io.resolvehub.core.event.MessageAnswered;
import io.resolvehub.core.internal.ConversationCore;
import io.resolvehub.core.internal.PipelineFixture;
import io.resolvehub.core.internal.conversation.ConversationRecord;
import io.resolvehub.core.testing.FakeChannel;
import io.resolvehub.core.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.resolvehub.core.internal.PipelineFixture.ACME;
import static io.resolvehub.core.internal.PipelineFixture.message;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event runs again when the instance that claimed it died, or when a later step of it failed: every write the
 * first run already committed must be repeatable. On PostgreSQL a statement that fails on a unique constraint aborts
 * the whole transaction (SQL state 25P02 for every statement after it), so "insert and catch the duplicate" is not
 * idempotent there, although H2 forgives it.
 */
class EventReRunTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void answersAnEventWhoseUserTurnAKilledInstanceHadAlreadyStored(TestDatabase db) {
        try (PipelineFixture f = new PipelineFixture(db)) {
            ConversationCore killed = f.newInstance();
            f.connectChat(killed);
            InboundMessage m = message("1700.7", "How do I export my data?");
            killed.intake().accept(m);
            // What a hub killed (kill -9) between the pipeline's first and second step leaves behind: the event
            // claimed under a lease that is never renewed, and the first step's writes committed.
            StoredEvent claimed = killed.inboundEvents().claim("killed-instance", f.clock.instant(), Duration.ofMinutes(5))
                    .orElseThrow();
            ConversationRecord c = killed.conversations().findOrCreate(m.tenant(), m.channel(), m.threadKey(), m.user(),
                    m.replyContext(), null, f.clock.instant());
            killed.transcripts().recordUserTurn(c.id(), claimed.id(), m.text(), f.clock.instant());
            killed.conversations().recordUserMessage(c.id(), m.replyContext(), m.user(), f.clock.instant());
            killed.conversations().markAiTaken(c.id());

            f.clock.advance(Duration.ofMinutes(6));
            ConversationCore survivor = f.newInstance();
            survivor.start();
            f.awaitIdle();

            assertThat(f.channel.sent()).singleElement()
                    .satisfies(s -> assertThat(s.answer().text()).isEqualTo("Answer to: How do I export my data?"));
            assertThat(f.jdbc.sql("select status from inbound_events").query(String.class).single()).isEqualTo("done");
            assertThat(roles(f, c)).containsExactly("user", "assistant");
            assertThat(f.status("1700.7")).isEqualTo("open");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void answersAnEventWhoseSecondStepFailedOnceAfterTheFirstCommitted(TestDatabase db) {
        try (PipelineFixture f = new PipelineFixture(db)) {
            AtomicBoolean failed = new AtomicBoolean();
            // like a synchronous listener of the reply (billing) failing once: the reply's transaction rolls back
            f.publisher.listener(event -> {
                if (event instanceof MessageAnswered && failed.compareAndSet(false, true)) {
                    throw new IllegalStateException("listener unavailable");
                }
            });
            ConversationCore hub = f.newInstance();
            f.connectChat(hub);
            hub.intake().accept(message("1700.8", "Where is the billing page?"));
            hub.start();
            f.awaitIdle();

            assertThat(failed).isTrue();
            assertThat(f.channel.sent()).singleElement()
                    .satisfies(s -> assertThat(s.answer().text()).isEqualTo("Answer to: Where is the billing page?"));
            assertThat(f.jdbc.sql("select status from inbound_events").query(String.class).single()).isEqualTo("done");
            ConversationRecord c = hub.conversations().findByThread(ACME, PipelineFixture.CHAT, "1700.8").orElseThrow();
            assertThat(roles(f, c)).containsExactly("user", "assistant");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aDeadLetteredEventTellsTheUserAPersonWillFollowUpAndHandsItOff(TestDatabase db) {
        try (PipelineFixture f = new PipelineFixture(db)) {
            // every attempt fails inside the hub (not on the channel): the channel can still carry the notice
            f.coinMeter = (tenant, conversation, channel, answer) -> {
                throw new IllegalStateException("ledger unavailable");
            };
            ConversationCore hub = f.newInstance();
            f.connectChat(hub);
            hub.intake().accept(message("1700.9", "Can I change my plan?"));
            hub.start();
            f.awaitIdle();

            assertThat(f.jdbc.sql("select status from inbound_events").query(String.class).single()).isEqualTo("dead");
            assertThat(f.channel.handoffs()).singleElement()
                    .satisfies(h -> assertThat(h.reason()).isEqualTo(HandoffReason.ENGINE_ERROR));
            assertThat(f.channel.posted()).extracting(FakeChannel.Posted::text).singleElement()
                    .satisfies(text -> assertThat(text).contains("a person will follow up"));
            InboxItem item = hub.inbox().list(ACME, null, null, true, 50).getFirst();
            assertThat(item.status().wire()).isEqualTo("escalated");
            assertThat(item.handoffReason()).isEqualTo(HandoffReason.ENGINE_ERROR);
            assertThat(item.ticket()).as("handed off to a ticket").isNotNull();
            assertThat(item.deadLetters()).isEqualTo(1);
        }
    }

    private static List<String> roles(PipelineFixture f, ConversationRecord c) {
        return f.jdbc.sql("select role from conversation_turns where conversation_id = ? order by id")
                .param(c.id().value()).query(String.class).list();
    }
}
