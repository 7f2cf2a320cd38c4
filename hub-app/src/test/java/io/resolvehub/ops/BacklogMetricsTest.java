package io.resolvehub.ops;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.resolvehub.core.InboundBacklog;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The queue gauges read the backlog at each scrape. */
class BacklogMetricsTest {

    private final Instant now = Instant.parse("2026-12-04T10:00:00Z");
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private long pending = 0;
    private Optional<Instant> oldest = Optional.empty();

    @Test
    void reportsTheDepthAndTheAgeOfTheOldestPendingEvent() {
        new BacklogMetrics(new InboundBacklog() {
            @Override
            public long pending() {
                return pending;
            }

            @Override
            public Optional<Instant> oldestReceivedAt() {
                return oldest;
            }
        }, Clock.fixed(now, ZoneOffset.UTC)).bindTo(registry);

        assertThat(registry.get(BacklogMetrics.PENDING).gauge().value()).isZero();
        assertThat(registry.get(BacklogMetrics.OLDEST_PENDING_AGE).gauge().value()).isZero();

        pending = 42;
        oldest = Optional.of(now.minusSeconds(90));

        assertThat(registry.get(BacklogMetrics.PENDING).gauge().value()).isEqualTo(42);
        assertThat(registry.get(BacklogMetrics.OLDEST_PENDING_AGE).gauge().value()).isEqualTo(90);
    }
}
