package io.resolvehub.core.internal.intake;

import io.resolvehub.core.Answer;
import io.resolvehub.core.InboundIntake;
import io.resolvehub.core.InboundMessage;
import io.resolvehub.core.channel.ChannelException;
import io.resolvehub.core.conversation.HandoffPolicy;
import io.resolvehub.core.conversation.InboxItem;
import io.resolvehub.core.internal.ConversationCore;
import io.resolvehub.core.internal.PipelineFixture;
import io.resolvehub.core.internal.PipelineProperties;
import io.resolvehub.core.testing.FakeChannel;
import io.resolvehub.core.testing.TestDatabase;
import io.resolvehub.core.testing.ScriptedAnswerEngine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static io.resolvehub.core.internal.PipelineFixture.ACME;
import static io.resolvehub.core.internal.PipelineFixture.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class DurableIntakeTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void answersADuplicateDeliveryOnce(TestDatabase db) {
        try (PipelineFixture f = new PipelineFixture(db)) {
            ConversationCore hub = f.newInstance();
            f.connectChat(hub);
            InboundMessage first = message("1700.1", "How do I reset my password?");
            InboundMessage retry = new InboundMessage(first.tenant(), first.channel(), first.platformEventId(),
                    first.threadKey(), first.kind(), first.text(), first.user(), first.replyContext(), null);

            assertThat(hub.intake().accept(first)).isEqualTo(InboundIntake.Outcome.ACCEPTED);
            assertThat(hub.intake().accept(retry)).isEqualTo(InboundIntake.Outcome.DUPLICATE);
            hub.start();
            f.awaitIdle();
            assertThat(hub.intake().accept(retry)).isEqualTo(InboundIntake.Outcome.DUPLICATE);
            f.awaitIdle();

            assertThat(f.channel.sent()).hasSize(1);
            assertThat(f.engine.requests()).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void whatAConnectorStoresAlongsideIsStoredWithTheEventOrNotAtAll(TestDatabase db) {
        try (PipelineFixture f = new PipelineFixture(db)) {
            ConversationCore hub = f.newInstance();
            InboundMessage event = message("1700.1", "How do I reset my password?");
            InboundMessage bookkeeping = message("1700.2", "written alongside");

            assertThatThrownBy(() -> hub.intake().accept(event, () -> {
                hub.intake().accept(bookkeeping);
                throw new IllegalStateException("the bookkeeping failed");
            })).hasMessage("the bookkeeping failed");
            assertThat(storedEvents(f)).as("neither stored: one transaction").isZero();

            assertThat(hub.intake().accept(event, () -> hub.intake().accept(bookkeeping)))
                    .isEqualTo(InboundIntake.Outcome.ACCEPTED);
            assertThat(storedEvents(f)).isEqualTo(2);
            assertThat(hub.intake().accept(event, () -> { })).isEqualTo(InboundIntake.Outcome.DUPLICATE);
        }
    }

    private static long storedEvents(PipelineFixture f) {
        return f.jdbc.sql("select count(*) from inbound_events").query(Long.class).single();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anEventAcknowledgedBeforeACrashIsAnsweredByTheNextInstance(TestDatabase db) {
        try (PipelineFixture f = new PipelineFixture(db)) {
            ConversationCore crashed = f.newInstance();
            f.connectChat(crashed);
            // acknowledged to the platform, then the process died before any worker ran
            assertThat(crashed.intake().accept(message("1700.2", "Where is the export button?")))
                    .isEqualTo(InboundIntake.Outcome.ACCEPTED);
            crashed.close();
            assertThat(f.channel.sent()).isEmpty();

            ConversationCore restarted = f.newInstance();
            restarted.start();
            f.awaitIdle();

            assertThat(f.channel.sent()).singleElement()
                    .satisfies(m -> assertThat(m.answer().text()).isEqualTo("Answer to: Where is the export button?"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aClaimWhoseWorkerDiedIsTakenOverAfterItsLeaseExpires(TestDatabase db) {
        try (PipelineFixture f = new PipelineFixture(db)) {
            ConversationCore hub = f.newInstance();
            f.connectChat(hub);
            hub.intake().accept(message("1700.3", "question"));
            // a worker of a dead instance claimed it and never finished
            assertThat(hub.inboundEvents().claim("dead-instance", f.clock.instant(), Duration.ofMinutes(5))).isPresent();
            assertThat(hub.workers().runOnce()).isFalse();

            f.clock.advance(Duration.ofMinutes(6));
            assertThat(hub.workers().runOnce()).isTrue();

            assertThat(f.channel.sent()).hasSize(1);
            assertThat(hub.inboundEvents().unfinished()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void processesTheMessagesOfAThreadInOrderAndNeverConcurrentlyAcrossInstances(TestDatabase db) {
        try (PipelineFixture f = new PipelineFixture(db)) {
            Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
            AtomicInteger overlaps = new AtomicInteger();
            f.engine.script(request -> {
                String thread = request.question().substring(0, request.question().indexOf(':'));
                if (inFlight.computeIfAbsent(thread, t -> new AtomicInteger()).incrementAndGet() > 1) {
                    overlaps.incrementAndGet();
                }
                Thread.yield();
                inFlight.get(thread).decrementAndGet();
                return Answer.answer("re " + request.question(), 0.9, List.of());
            });
            ConversationCore one = f.newInstance();
            ConversationCore two = f.newInstance();
            f.connectChat(one);
            one.handoffPolicies().save(ACME, new HandoffPolicy(0.5, 50, HandoffPolicy.DEFAULT_HUMAN_PHRASES, true));
            List<String> threads = List.of("t1", "t2", "t3");
            for (int i = 0; i < 6; i++) {
                for (String thread : threads) {
                    one.intake().accept(message(thread, thread + ":" + i));
                }
            }
            one.start();
            two.start();
            f.awaitIdle();

            assertThat(overlaps).hasValue(0);
            for (String thread : threads) {
                List<String> replies = new ArrayList<>();
                f.channel.sent().stream().filter(m -> m.conversation().threadKey().equals(thread))
                        .forEach(m -> replies.add(m.answer().text()));
                assertThat(replies).containsExactly("re " + thread + ":0", "re " + thread + ":1", "re " + thread + ":2",
                        "re " + thread + ":3", "re " + thread + ":4", "re " + thread + ":5");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void retriesARateLimitedReplyAndDeliversItOnce(TestDatabase db) {
        try (PipelineFixture f = new PipelineFixture(db)) {
            ConversationCore hub = f.newInstance();
            f.connectChat(hub);
            // more 429s than one event's inline attempts: the event itself is retried later
            f.channel.failNext(4, () -> ChannelException.retriable("429 rate limited", Duration.ofMillis(20), null));
            hub.intake().accept(message("1700.4", "question"));
            hub.start();
            f.awaitIdle();

            assertThat(f.channel.sent()).hasSize(1);
            assertThat(f.engine.requests()).as("the agent is asked once; only the delivery is retried").hasSize(1);
            assertThat(f.status("1700.4")).isEqualTo("open");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anEventThatKeepsFailingIsDeadLetteredVisiblyAndHandedToAPerson(TestDatabase db) {
        try (PipelineFixture f = new PipelineFixture(db)) {
            ConversationCore hub = f.newInstance();
            f.connectChat(hub);
            f.channel.failAlways(() -> ChannelException.permanent("invalid_auth", null));
            hub.intake().accept(message("1700.5", "question"));
            hub.start();
            f.awaitIdle();
            await().atMost(Duration.ofSeconds(10)).until(() -> hub.inbox().list(ACME, null, null, true, 50).stream()
                    .allMatch(item -> item.ticket() != null));

            List<InboxItem> dead = hub.inbox().list(ACME, null, null, true, 50);
            assertThat(dead).singleElement().satisfies(item -> {
                assertThat(item.deadLetters()).isEqualTo(1);
                assertThat(item.lastError()).contains("invalid_auth");
                assertThat(item.status().wire()).isEqualTo("escalated");
                assertThat(item.handoffReason().wire()).isEqualTo("engine_error");
                assertThat(item.ticket().id()).startsWith("HUB-");
            });
            assertThat(f.jdbc.sql("select attempts from inbound_events").query(Integer.class).single()).isEqualTo(3);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void eventsOfAnotherThreadAreNotHeldUpByAFailingThread(TestDatabase db) {
        try (PipelineFixture f = new PipelineFixture(db)) {
            ConversationCore hub = f.newInstance();
            f.connectChat(hub);
            f.channel.failNext(3, () -> ChannelException.retriable("503", null, null));
            hub.intake().accept(message("slow", "first"));
            hub.intake().accept(message("fast", "second"));
            hub.start();
            f.awaitIdle();
            assertThat(f.channel.sent()).extracting(m -> m.conversation().threadKey()).containsExactlyInAnyOrder("slow", "fast");
            assertThat(f.channel.posted()).extracting(FakeChannel.Posted::text).hasSize(2);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aSlowEventKeepsItsLeaseAndIsNotTakenOverByAnotherInstance(TestDatabase db) {
        try (PipelineFixture f = new PipelineFixture(db)) {
            // a lease short enough to run out several times during the test, long enough for a busy machine's stalls
            f.pipelineProperties = new PipelineProperties(1, Duration.ofMillis(50), Duration.ofSeconds(3), 3,
                    Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(30), null, 3, null, Duration.ofMillis(5), null, null);
            java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
            f.engine.script(request -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return ScriptedAnswerEngine.confident(request);
            });
            ConversationCore one = f.newInstance();
            ConversationCore two = f.newInstance();
            f.connectChat(one);
            one.intake().accept(message("slow", "a slow question"));
            one.start();
            two.start();

            await().atMost(Duration.ofSeconds(10)).until(() -> f.engine.requests().size() == 1);
            // several lease lengths pass while the first instance is still working on it
            await().during(Duration.ofSeconds(7)).atMost(Duration.ofSeconds(10))
                    .until(() -> f.engine.requests().size() == 1);
            release.countDown();
            f.awaitIdle();

            assertThat(f.channel.sent()).hasSize(1);
        }
    }
}
