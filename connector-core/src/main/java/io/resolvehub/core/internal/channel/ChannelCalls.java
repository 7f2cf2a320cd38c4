package io.resolvehub.core.internal.channel;

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
 */
public class ChannelCalls {

    private final Retry retry;

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

    public <T> T call(Supplier<T> platformCall) {
        return retry.executeSupplier(platformCall);
    }

    public void run(Runnable platformCall) {
        retry.executeRunnable(platformCall);
    }
}
