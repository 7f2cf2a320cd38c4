package io.resolvehub.core.tenant;

import io.resolvehub.core.TenantId;

import java.util.List;
import java.util.Optional;

/** The tenants the hub serves. Thread-safe. */
public interface TenantDirectory {

    Optional<Tenant> find(TenantId id);

    /**
     * Creates the tenant.
     *
     * @return false when a tenant with that id already exists (nothing changed)
     */
    boolean create(TenantId id, String name);

    List<Tenant> all();
}
