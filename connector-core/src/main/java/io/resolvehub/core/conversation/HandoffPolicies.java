package io.resolvehub.core.conversation;

import io.resolvehub.core.TenantId;

/** The tenants' hand-off policies. Thread-safe. */
public interface HandoffPolicies {

    /** The tenant's policy, or {@link HandoffPolicy#defaults()} when it never set one. */
    HandoffPolicy get(TenantId tenant);

    /**
     * Replaces the tenant's policy.
     *
     * @throws IllegalArgumentException listing {@link HandoffPolicy#problems()} when the policy is invalid; nothing
     *                                  is stored then
     */
    void save(TenantId tenant, HandoffPolicy policy);
}
