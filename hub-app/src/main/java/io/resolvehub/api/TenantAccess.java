package io.resolvehub.api;

import io.resolvehub.core.TenantId;
import io.resolvehub.core.tenant.TenantDirectory;
import io.resolvehub.security.TenantGrants;
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
                if (!TenantGrants.mayUse(id)) {
                    throw ApiException.forbidden("This account manages another tenant and may not see '" + tenant
                            + "'. Ask the hub's owner for access.");
                }
                return id;
            }
        }
        throw ApiException.notFound("There is no tenant '" + tenant
                + "'. List tenants with GET /api/v1/tenants or create one with POST /api/v1/tenants.");
    }
}
