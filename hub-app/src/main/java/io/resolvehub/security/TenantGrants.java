package io.resolvehub.security;

import io.resolvehub.core.TenantId;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Which tenants the signed-in account may see: the owner (the first-start admin, and the deployment's API token)
 * every tenant; a tenant admin only its own. Read from the request's authentication.
 */
public final class TenantGrants {

    static final String OWNER = "ROLE_OWNER";
    static final String TENANT_PREFIX = "TENANT_";

    private TenantGrants() {
    }

    public static boolean isOwner() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        // no authentication: called outside a request (startup, jobs), where no person is acting
        return auth == null || auth.getAuthorities().stream().anyMatch(a -> OWNER.equals(a.getAuthority()));
    }

    /** An admin (owner or tenant admin), not a tenant's read-only token. */
    public static boolean isAdmin() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || auth.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
    }

    public static boolean mayUse(TenantId tenant) {
        if (isOwner()) return true;
        return SecurityContextHolder.getContext().getAuthentication().getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).anyMatch((TENANT_PREFIX + tenant.value())::equals);
    }
}
