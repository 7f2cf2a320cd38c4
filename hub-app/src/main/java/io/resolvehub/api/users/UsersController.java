package io.resolvehub.api.users;

import io.resolvehub.api.ApiException;
import io.resolvehub.api.TenantAccess;
import io.resolvehub.core.TenantId;
import io.resolvehub.security.AdminUsers;
import io.resolvehub.security.TenantGrants;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** {@code POST /tenants/{t}/users}: the owner adds an admin of this tenant only. */
@RestController
class UsersController {

    record NewUser(String username, String password) {
    }

    private final TenantAccess access;
    private final AdminUsers users;

    UsersController(TenantAccess access, AdminUsers users) {
        this.access = access;
        this.users = users;
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
