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
 * the current request (admin page session or API token). Every admin manages every tenant while the hub has one kind
 * of admin; a per-tenant admin must also be granted the tenant here.
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
        return admin ? Optional.of(auth.getName()) : Optional.empty();
    }
}
