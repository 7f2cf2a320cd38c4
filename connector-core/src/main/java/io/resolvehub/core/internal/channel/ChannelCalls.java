package io.resolvehub.core.internal.channel;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.resolvehub.core.channel.ChannelException;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Outbound platform calls with Resilience4j retry: retriable {@link ChannelException}s (429, 5xx, timeouts) are
 * retried with exponential backoff, waiting at least the platform's {@code Retry-After}. A {@code Retry-After}
 * longer than {@code maxInlineWait} is not waited for here: the exception propagates and the event is retried later
 * by the intake (which also honours it), so a worker is not parked for minutes.
 *
 * <p>Around the retries, a circuit breaker per tenant and channel: when a platform keeps failing, further calls fail
 * fast ({@link io.github.resilience4j.circuitbreaker.CallNotPermittedException}) and their events wait for the
 * intake's backoff instead of hammering it. Permanent failures (a revoked token) do not count: they are not outages.
 */
public class ChannelCalls {

    private final Retry retry;
    private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
            .slidingWindowSize(20)
            .minimumNumberOfCalls(10)
            .failureRateThreshold(50)
            .waitDurationInOpenState(Duration.ofSeconds(30))
            .recordException(e -> !(e instanceof ChannelException ce) || ce.retriable())
            .build());

    public ChannelCalls(int maxAttempts, Duration initialBackoff, Duration maxInlineWait) {
        IntervalFunction exponential = IntervalFunction.ofExponentialBackoff(initialBackoff, 2.0);
        IntervalBiFunction<Object> interval = (attempt, outcome) -> {
            long backoff = exponential.apply(attempt);
            if (outcome.isLeft() && outcome.getLeft() instanceof ChannelException ce && ce.retryAfter() != null) {
                return Math.max(backoff, ce.retryAfter().toMillis());
            }
            return backoff;
        };
        this.retry = Retry.of("channel", RetryConfig.custom()
                .maxAttempts(maxAttempts)
                .intervalBiFunction(interval)
                .retryOnException(e -> e instanceof ChannelException ce && ce.retriable()
                        && (ce.retryAfter() == null || ce.retryAfter().compareTo(maxInlineWait) <= 0))
                .failAfterMaxAttempts(false)
                .build());
    }

    /** @param breaker names the dependency, e.g. {@code acme/slack}: one circuit per tenant and channel */
    public <T> T call(String breaker, Supplier<T> platformCall) {
        return breakers.circuitBreaker(breaker).executeSupplier(() -> retry.executeSupplier(platformCall));
    }

    public void run(String breaker, Runnable platformCall) {
        breakers.circuitBreaker(breaker).executeRunnable(() -> retry.executeRunnable(platformCall));
    }
}
