package io.resolvehub.ops;

import io.resolvehub.agent.KnowledgeIndex;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code search} health component: DOWN while the search backend cannot serve queries (Elasticsearch unreachable,
 * or its index red). Part of the readiness probe, so a load balancer stops sending work to an instance that could only
 * hand every question off.
 */
final class SearchHealth implements HealthIndicator {

    private final KnowledgeIndex index;

    SearchHealth(KnowledgeIndex index) {
        this.index = index;
    }

    @Override
    public Health health() {
        String backend = index.getClass().getSimpleName();
        try {
            index.checkAvailable();
            return Health.up().withDetail("backend", backend).build();
        } catch (RuntimeException e) {
            return Health.down().withDetail("backend", backend).withDetail("error", String.valueOf(e.getMessage())).build();
        }
    }
}
