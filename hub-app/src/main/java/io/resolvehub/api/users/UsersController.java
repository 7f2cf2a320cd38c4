package io.resolvehub.api.users;

import io.resolvehub.api.ApiException;
import io.resolvehub.api.TenantAccess;
import io.resolvehub.core.TenantId;
import io.resolvehub.security.AdminUsers;
import io.resolvehub.security.LoginAttempts;
import io.resolvehub.security.TenantGrants;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** {@code POST /tenants/{t}/users}: the owner adds an admin of this tenant only; an admin ends a lockout. */
@RestController
class UsersController {

    record NewUser(String username, String password) {
    }

    private final TenantAccess access;
    private final AdminUsers users;
    private final LoginAttempts attempts;

    UsersController(TenantAccess access, AdminUsers users, LoginAttempts attempts) {
        this.access = access;
        this.users = users;
        this.attempts = attempts;
    }

    /**
     * Ends a user's sign-in lockout before its 15 minutes are over (someone who mistyped, not a guesser): an admin of
     * the tenant for its admins, the owner for anyone.
     */
    @PostMapping("/api/v1/tenants/{tenant}/users/{username}/unlock")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unlock(@PathVariable String tenant, @PathVariable String username) {
        TenantId id = access.require(tenant);
        boolean mayUnlock = users.of(id).stream().anyMatch(u -> u.username().equals(username)
                && (id.value().equals(u.tenant()) || TenantGrants.isOwner()));
        if (!mayUnlock) {
            throw ApiException.notFound("No user '" + username + "' in tenant '" + id.value() + "'.");
        }
        attempts.unlock(username);
    }

    @PostMapping("/api/v1/tenants/{tenant}/users")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, String> create(@PathVariable String tenant, @RequestBody(required = false) NewUser body) {
        TenantId id = access.require(tenant);
        if (!TenantGrants.isOwner()) {
            throw ApiException.forbidden("Only the hub's owner adds users.");
        }
        String problem = UserRules.problem(body == null ? null : body.username(), body == null ? null : body.password());
        if (problem != null) throw ApiException.badRequest(problem);
        if (!users.createTenantAdmin(body.username().strip(), body.password(), id)) {
            throw ApiException.conflict("User '" + body.username().strip() + "' already exists; choose another name.");
        }
        return Map.of("username", body.username().strip(), "tenant", id.value());
    }
}
