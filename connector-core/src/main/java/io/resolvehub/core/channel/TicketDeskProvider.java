package io.resolvehub.core.channel;

import io.resolvehub.core.TenantId;

import java.util.Optional;

/**
 * Offers a tenant's own ticket system (e.g. its Zendesk) as the place where hand-offs from chat channels become
 * tickets. Implemented by connectors that are ticket systems; registered as a bean. When no provider offers a desk
 * for the tenant, core uses the hub's own inbox ({@code HUB-<n>} tickets).
 *
 * <p>Thread-safe; no network I/O (it only looks at the tenant's settings).
 */
public interface TicketDeskProvider {

    /** The tenant's desk, or empty when this provider's system is not configured for the tenant. */
    Optional<TicketDesk> forTenant(TenantId tenant);
}
