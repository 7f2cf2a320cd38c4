package io.resolvehub.api.audit;

import io.resolvehub.api.ApiException;
import io.resolvehub.api.TenantAccess;
import io.resolvehub.security.TenantGrants;
import io.resolvehub.security.audit.AuditLog;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** {@code GET /tenants/{t}/audit}: the tenant's admin actions, newest first (who, what, when, from where). */
@RestController
class AuditController {

    private final TenantAccess access;
    private final AuditLog auditLog;

    AuditController(TenantAccess access, AuditLog auditLog) {
        this.access = access;
        this.auditLog = auditLog;
    }

    @GetMapping("/api/v1/tenants/{tenant}/audit")
    List<AuditLog.Entry> list(@PathVariable String tenant, @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw ApiException.badRequest("'limit' must be a whole number from 1 to 1000, not " + limit + ".");
        }
        String id = access.require(tenant).value();
        if (!TenantGrants.isAdmin()) {
            throw ApiException.forbidden("The audit log is for the tenant's admins; a read-only token cannot see it.");
        }
        return auditLog.of(id, limit);
    }
}
