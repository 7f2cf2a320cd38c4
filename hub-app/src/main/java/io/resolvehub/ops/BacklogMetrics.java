package io.resolvehub.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.resolvehub.core.InboundBacklog;

import java.time.Clock;
import java.time.Duration;

/**
 * The work queue as gauges, read from the database at each scrape, so every instance reports the cluster's one queue:
 * how many acknowledged events are not answered yet, and how long the oldest of them has waited. A depth that keeps
 * growing means answers fall behind the intake; an age that keeps growing means nothing is being answered.
 */
final class BacklogMetrics implements MeterBinder {

    static final String PENDING = "resolvehub.inbound.pending";
    static final String OLDEST_PENDING_AGE = "resolvehub.inbound.oldest.pending.age";

    private final InboundBacklog backlog;
    private final Clock clock;

    BacklogMetrics(InboundBacklog backlog, Clock clock) {
        this.backlog = backlog;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(PENDING, backlog, InboundBacklog::pending)
                .description("Events acknowledged to a platform and not answered yet, across all instances")
                .register(registry);
        Gauge.builder(OLDEST_PENDING_AGE, this, BacklogMetrics::oldestAgeSeconds)
                .description("Seconds since the oldest unanswered event was received (0 when none)")
                .baseUnit("seconds")
                .register(registry);
    }

    double oldestAgeSeconds() {
        return backlog.oldestReceivedAt()
                .map(at -> Math.max(0, Duration.between(at, clock.instant()).toMillis()) / 1000.0)
                .orElse(0.0);
    }
}
