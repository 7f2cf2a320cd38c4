package io.resolvehub.core.internal.pipeline;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.resolvehub.core.Answer;
import io.resolvehub.core.AnswerEngine;
import io.resolvehub.core.AnswerRequest;
import io.resolvehub.core.internal.support.LowPriorityThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The {@link AnswerEngine} behind a Resilience4j time limiter and circuit breaker. Any failure (exception, timeout,
 * open circuit, a null answer) comes back as empty: the pipeline then hands off with {@code engine_error}.
 */
class GuardedAnswerEngine implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GuardedAnswerEngine.class);

    private final AnswerEngine engine;
    private final TimeLimiter timeLimiter;
    private final CircuitBreaker circuitBreaker;
    /**
     * Platform threads, not virtual ones: answering is CPU work (the model, the index) and a virtual thread doing it
     * holds one of the carriers the web server's requests need until it is done (see {@code InboundWorkers}). One
     * thread per call, so a call the time limiter gave up on never holds up the next; the callers (the workers)
     * bound how many run at once. At the workers' lower priority ({@code hub.pipeline.worker-niceness}): a web
     * conversation's or a dry run's caller is a request thread, but the answering it waits for is the same work.
     */
    private final ExecutorService executor;

    public GuardedAnswerEngine(AnswerEngine engine, Duration timeout) {
        this(engine, timeout, 0);
    }

    public GuardedAnswerEngine(AnswerEngine engine, Duration timeout, int niceness) {
        this.engine = engine;
        this.executor = Executors.newThreadPerTaskExecutor(LowPriorityThreads.of(
                Thread.ofPlatform().daemon().name("answer-engine-", 0).factory(), niceness));
        this.timeLimiter = TimeLimiter.of("answer-engine", TimeLimiterConfig.custom()
                .timeoutDuration(timeout).cancelRunningFuture(true).build());
        this.circuitBreaker = CircuitBreaker.of("answer-engine", CircuitBreakerConfig.custom()
                .slidingWindowSize(10)
                .minimumNumberOfCalls(5)
                .failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(30))
                .build());
    }

    public Optional<Answer> answer(AnswerRequest request) {
        try {
            Answer answer = circuitBreaker.executeCallable(() -> timeLimiter.executeFutureSupplier(
                    () -> CompletableFuture.supplyAsync(() -> engine.answer(request), executor)));
            if (answer == null) {
                log.warn("The answer engine returned no answer for tenant {}", request.tenant());
                return Optional.empty();
            }
            return Optional.of(answer);
        } catch (Exception e) {
            log.warn("The answer engine failed for tenant {}: {}", request.tenant(), e.toString());
            return Optional.empty();
        }
    }

    public CircuitBreaker.State circuitState() {
        return circuitBreaker.getState();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
