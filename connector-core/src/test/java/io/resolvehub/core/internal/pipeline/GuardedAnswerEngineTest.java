package io.resolvehub.core.internal.pipeline;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.resolvehub.core.Answer;
import io.resolvehub.core.AnswerRequest;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.internal.support.NiceValue;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one guard around the answer call, whatever the engine (extractive, or one calling a language model, which has no
 * guard of its own): a failure, a timeout or no answer is empty (the pipeline hands off with {@code engine_error}), and
 * an engine that keeps failing is no longer called until the circuit closes again.
 */
class GuardedAnswerEngineTest {

    private static final AnswerRequest QUESTION = new AnswerRequest(new TenantId("acme"), "How do I export?", List.of());

    @Test
    void anAnswerPassesThrough() {
        Answer answer = Answer.answer("Open Export.", 0.9, List.of());
        try (GuardedAnswerEngine guarded = new GuardedAnswerEngine(request -> answer, Duration.ofSeconds(5))) {
            assertThat(guarded.answer(QUESTION)).contains(answer);
        }
    }

    /** hub.pipeline.worker-niceness: the answering runs below the hub's priority, so requests get a core first. */
    @Test
    void theEngineRunsTheGivenNiceStepsBelowTheHub() {
        int hub = NiceValue.ofProcess();
        AtomicInteger during = new AtomicInteger(Integer.MIN_VALUE);
        try (GuardedAnswerEngine guarded = new GuardedAnswerEngine(request -> {
            during.set(NiceValue.ofCurrentThread());
            return Answer.answer("Open Export.", 0.9, List.of());
        }, Duration.ofSeconds(5), 4)) {
            assertThat(guarded.answer(QUESTION)).isPresent();
        }
        assertThat(during.get()).isEqualTo(Math.min(19, hub + 4));
    }

    /** Answering is CPU work: on a virtual thread it would hold a carrier the web server's acknowledgements need. */
    @Test
    void theEngineRunsOnAnOperatingSystemThreadNotOnTheRequestThreadsCarriers() {
        AtomicBoolean virtual = new AtomicBoolean(true);
        try (GuardedAnswerEngine guarded = new GuardedAnswerEngine(request -> {
            virtual.set(Thread.currentThread().isVirtual());
            return Answer.answer("Open Export.", 0.9, List.of());
        }, Duration.ofSeconds(5))) {
            assertThat(guarded.answer(QUESTION)).isPresent();
        }
        assertThat(virtual).isFalse();
    }

    @Test
    void aFailureATimeoutAndNoAnswerAreEmpty() {
        try (GuardedAnswerEngine failing = new GuardedAnswerEngine(request -> {
            throw new IllegalStateException("the language model failed");
        }, Duration.ofSeconds(5));
             GuardedAnswerEngine slow = new GuardedAnswerEngine(request -> {
                 try {
                     Thread.sleep(5_000);
                 } catch (InterruptedException e) {
                     Thread.currentThread().interrupt();
                 }
                 return Answer.answer("too late", 0.9, List.of());
             }, Duration.ofMillis(200));
             GuardedAnswerEngine silent = new GuardedAnswerEngine(request -> null, Duration.ofSeconds(5))) {
            assertThat(failing.answer(QUESTION)).isEmpty();
            assertThat(slow.answer(QUESTION)).isEmpty();
            assertThat(silent.answer(QUESTION)).isEmpty();
        }
    }

    @Test
    void anEngineThatKeepsFailingIsNoLongerCalledWhileTheCircuitIsOpen() {
        AtomicInteger calls = new AtomicInteger();
        try (GuardedAnswerEngine guarded = new GuardedAnswerEngine(request -> {
            calls.incrementAndGet();
            throw new IllegalStateException("the language model failed");
        }, Duration.ofSeconds(5))) {
            for (int i = 0; i < 12; i++) {
                assertThat(guarded.answer(QUESTION)).isEmpty();
            }
            assertThat(guarded.circuitState()).isEqualTo(CircuitBreaker.State.OPEN);
            assertThat(calls.get()).isLessThan(12);
        }
    }
}
