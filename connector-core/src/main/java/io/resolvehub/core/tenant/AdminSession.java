package io.resolvehub.core.tenant;

import io.resolvehub.core.TenantId;

import java.util.Optional;

/**
 * Who is signed in to the hub on the current request, as a connector asks before it links a platform account (a
 * Slack workspace, ...) to a tenant: only an admin of that tenant may. The hub's security layer implements it from
 * the request's sign-in; without an implementation nobody is an admin, so nothing can be linked that way.
 */
@FunctionalInterface
public interface AdminSession {

    /** Nobody is signed in (the connector runs without the hub's sign-in). */
    AdminSession NOBODY = tenant -> Optional.empty();

    /**
     * The name of the admin signed in on the current request when they may manage {@code tenant}; empty when nobody
     * is signed in or the signed-in account does not manage that tenant.
     */
    Optional<String> adminOf(TenantId tenant);
}
