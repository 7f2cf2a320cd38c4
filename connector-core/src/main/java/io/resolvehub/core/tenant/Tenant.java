package io.resolvehub.core.tenant;

import io.resolvehub.core.TenantId;

import java.time.Instant;

/** A company using the hub. */
public record Tenant(TenantId id, String name, Instant createdAt) {
}
