package io.resolvehub.core.channel;

import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The one resilience layer for a platform's calls, shared by every connector: retriable {@link ChannelException}s
 * (429, 5xx, I/O) are retried with exponential backoff, waiting at least the platform's {@code Retry-After}; a
 * {@code Retry-After} longer than {@link Limits#maxInlineWait()} is not waited for here but goes back to the caller
 * (the pipeline retries the event later, honouring it). Calls sharing a pacing key (a Slack channel, a Teams
 * conversation) are spaced to the platform's published rate. A connector only maps its platform's errors to
 * {@link ChannelException} and names its limits.
 *
 * <p>A failure that used up the attempts here comes out {@link ChannelException#retriedInline() marked}, so the
 * pipeline around the connector does not retry it inline a second time. Thread-safe.
 */
public final class PlatformCalls {

    /** Pacing waits at most this long for its turn; then the call fails as retriable (one second later). */
    private static final Duration PACE_TIMEOUT = Duration.ofSeconds(30);
    private static final long MAX_BACKOFF_MILLIS = 4_000;

    /**
     * What a platform allows.
     *
     * @param attempts             attempts per call for retriable failures, at least 1
     * @param firstBackoff         the first wait between attempts without a {@code Retry-After}, doubled per attempt
     *                             (at most 4 s)
     * @param maxInlineWait        the longest {@code Retry-After} waited for inside one call
     * @param callsPerSecondPerKey the pace of {@link #paced} calls sharing a key; 0 for none
     */
    public record Limits(int attempts, Duration firstBackoff, Duration maxInlineWait, double callsPerSecondPerKey) {
        public Limits {
            attempts = Math.max(1, attempts);
            Objects.requireNonNull(firstBackoff, "firstBackoff");
            Objects.requireNonNull(maxInlineWait, "maxInlineWait");
        }
    }

    private final String platform;
    private final Limits limits;
    private final Retry retry;
    private final RateLimiterRegistry paces;

    public PlatformCalls(String platform, Limits limits) {
        this.platform = platform;
        this.limits = limits;
        this.retry = Retry.of(platform, RetryConfig.custom()
                .maxAttempts(limits.attempts())
                .intervalBiFunction((IntervalBiFunction<Object>) (attempt, outcome) ->
                        waitBefore(attempt, outcome.isLeft() ? outcome.getLeft() : null))
                .retryOnException(this::retriesInline)
                .failAfterMaxAttempts(false)
                .build());
        this.paces = limits.callsPerSecondPerKey() <= 0 ? null : RateLimiterRegistry.of(RateLimiterConfig.custom()
                .limitForPeriod(1)
                .limitRefreshPeriod(Duration.ofNanos(Math.max(1, Math.round(1e9 / limits.callsPerSecondPerKey()))))
                .timeoutDuration(PACE_TIMEOUT)
                .build());
    }

    /** Makes the call, retrying retriable failures. */
    public <T> T call(Supplier<T> call) {
        AtomicInteger attempts = new AtomicInteger();
        try {
            return retry.executeSupplier(() -> {
                attempts.incrementAndGet();
                return call.get();
            });
        } catch (ChannelException e) {
            throw attempts.get() >= limits.attempts() && retriesInline(e) ? e.afterInlineRetries() : e;
        }
    }

    /** Makes the call in its turn among the calls sharing {@code key}, retrying retriable failures. */
    public <T> T paced(String key, Supplier<T> call) {
        if (paces == null) {
            return call(call);
        }
        RateLimiter pace = paces.rateLimiter(key);
        return call(() -> {
            try {
                RateLimiter.waitForPermission(pace);
            } catch (RequestNotPermitted e) {
                throw ChannelException.retriable(platform + ": " + key + " is over its budget of "
                        + limits.callsPerSecondPerKey() + " calls per second", Duration.ofSeconds(1), e);
            }
            return call.get();
        });
    }

    private boolean retriesInline(Throwable e) {
        return e instanceof ChannelException ce && ce.retriable() && !ce.retriedInline()
                && (ce.retryAfter() == null || ce.retryAfter().compareTo(limits.maxInlineWait()) <= 0);
    }

    /** Exponential from {@code firstBackoff} (at most 4 s), and never shorter than the platform's Retry-After. */
    private long waitBefore(int attempt, Throwable failure) {
        long backoff = Math.min(MAX_BACKOFF_MILLIS, limits.firstBackoff().toMillis() << Math.min(attempt - 1, 16));
        if (failure instanceof ChannelException ce && ce.retryAfter() != null) {
            return Math.max(backoff, ce.retryAfter().toMillis());
        }
        return backoff;
    }
}
