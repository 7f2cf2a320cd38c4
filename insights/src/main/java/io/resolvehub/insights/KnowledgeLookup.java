package io.resolvehub.insights;

import io.resolvehub.core.TenantId;

import java.util.Optional;

/**
 * The tenant's knowledge source closest in meaning to a direction in embedding space (a gap's centroid), if any is
 * close at all. Supplied by the application; thread-safe.
 */
@FunctionalInterface
public interface KnowledgeLookup {

    Optional<SourceRef> closestSource(TenantId tenant, float[] direction);

    /** A knowledge source by id and title. */
    record SourceRef(String id, String title) {
    }

    /** For a hub without a knowledge index: never a closest source. */
    static KnowledgeLookup none() {
        return (tenant, direction) -> Optional.empty();
    }
}
