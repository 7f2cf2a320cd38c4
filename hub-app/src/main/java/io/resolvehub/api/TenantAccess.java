package io.resolvehub.api;

import io.resolvehub.core.TenantId;
import io.resolvehub.core.tenant.TenantDirectory;
import org.springframework.stereotype.Component;

/** Resolves the {@code {t}} of an API path to an existing tenant, or answers 404. */
@Component
public class TenantAccess {

    private final TenantDirectory tenants;

    TenantAccess(TenantDirectory tenants) {
        this.tenants = tenants;
    }

    public TenantId require(String tenant) {
        if (TenantId.isValid(tenant)) {
            TenantId id = new TenantId(tenant);
            if (tenants.find(id).isPresent()) {
                return id;
            }
        }
        throw ApiException.notFound("There is no tenant '" + tenant
                + "'. List tenants with GET /api/v1/tenants or create one with POST /api/v1/tenants.");
    }
}
