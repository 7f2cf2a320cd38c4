package io.resolvehub.core.internal.channel;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.resolvehub.core.channel.ChannelException;
import io.resolvehub.core.channel.PlatformCalls;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * The pipeline's calls into a connector ({@code send}, {@code handOff}, {@code confirmResolved}) through the same
 * {@link PlatformCalls} retry every connector uses for its platform: a retriable failure the connector's own calls have
 * not already retried ({@link ChannelException#retriedInline()}) is retried here, waiting at least its
 * {@code Retry-After}; one longer than {@code maxInlineWait} is left to the intake, which retries the event later
 * (also honouring it), so a worker is not parked for minutes.
 *
 * <p>Around the retries, a circuit breaker per tenant and channel: when a platform keeps failing, further calls fail
 * fast ({@link io.github.resilience4j.circuitbreaker.CallNotPermittedException}) and their events wait for the
 * intake's backoff instead of hammering it. Permanent failures (a revoked token) do not count: they are not outages.
 */
public class ChannelCalls {

    private final PlatformCalls retry;
    private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
            .slidingWindowSize(20)
            .minimumNumberOfCalls(10)
            .failureRateThreshold(50)
            .waitDurationInOpenState(Duration.ofSeconds(30))
            .recordException(e -> !(e instanceof ChannelException ce) || ce.retriable())
            .build());

    public ChannelCalls(int maxAttempts, Duration initialBackoff, Duration maxInlineWait) {
        this.retry = new PlatformCalls("channel", new PlatformCalls.Limits(maxAttempts, initialBackoff, maxInlineWait, 0));
    }

    /** @param breaker names the dependency, e.g. {@code acme/slack}: one circuit per tenant and channel */
    public <T> T call(String breaker, Supplier<T> platformCall) {
        return breakers.circuitBreaker(breaker).executeSupplier(() -> retry.call(platformCall));
    }

    public void run(String breaker, Runnable platformCall) {
        breakers.circuitBreaker(breaker).executeRunnable(() -> retry.call(() -> {
            platformCall.run();
            return null;
        }));
    }
}
