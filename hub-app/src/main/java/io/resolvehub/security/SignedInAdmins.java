package io.resolvehub.security;

import io.resolvehub.core.TenantId;
import io.resolvehub.core.tenant.AdminSession;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The hub's sign-in as the connectors see it when they link a platform account to a tenant: the admin signed in on
 * the current request (admin page session or API token) who manages that tenant, i.e. the owner or the tenant's own
 * admin ({@link TenantGrants}).
 */
@Component
class SignedInAdmins implements AdminSession {

    private static final String ADMIN = "ROLE_ADMIN";

    @Override
    public Optional<String> adminOf(TenantId tenant) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        boolean admin = auth.getAuthorities().stream().anyMatch(a -> ADMIN.equals(a.getAuthority()));
        return admin && TenantGrants.mayUse(tenant) ? Optional.of(auth.getName()) : Optional.empty();
    }
}
