package io.resolvehub.api.tenants;

import io.resolvehub.api.ApiException;
import io.resolvehub.api.TenantAccess;
import io.resolvehub.core.TenantId;
import io.resolvehub.security.TenantTokens;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/**
 * {@code /tenants/{t}/tokens}: read-only API tokens bound to one tenant, for an app that reads the hub on the
 * tenant's behalf (the Zendesk sidebar). Issued by an admin of the tenant; the token is in the answer once.
 */
@RestController
class TenantTokensController {

    record NewToken(String name) {
    }

    private final TenantAccess access;
    private final TenantTokens tokens;

    TenantTokensController(TenantAccess access, TenantTokens tokens) {
        this.access = access;
        this.tokens = tokens;
    }

    @PostMapping("/api/v1/tenants/{tenant}/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, String> issue(@PathVariable String tenant, @RequestBody(required = false) NewToken body,
                              Authentication caller) {
        TenantId id = access.require(tenant);
        String name = body == null || body.name() == null ? null : body.name().strip();
        if (name == null || !name.matches("[A-Za-z0-9._-]{1,100}")) {
            throw ApiException.badRequest("'name' must be 1-100 letters, digits, dots, dashes or underscores saying "
                    + "where the token is used, e.g. \"zendesk-sidebar\".");
        }
        String token = tokens.issue(id, name, caller.getName()).orElseThrow(() -> ApiException.conflict(
                "Tenant '" + tenant + "' already has a token named '" + name + "'; revoke it with DELETE "
                        + "/api/v1/tenants/" + tenant + "/tokens/" + name + " or choose another name."));
        return Map.of("tenant", id.value(), "name", name, "token", token);
    }

    @GetMapping("/api/v1/tenants/{tenant}/tokens")
    Map<String, List<String>> names(@PathVariable String tenant) {
        return Map.of("names", tokens.names(access.require(tenant)));
    }

    @DeleteMapping("/api/v1/tenants/{tenant}/tokens/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable String tenant, @PathVariable String name) {
        if (!tokens.revoke(access.require(tenant), name)) {
            throw ApiException.notFound("Tenant '" + tenant + "' has no token named '" + name
                    + "'; GET /api/v1/tenants/" + tenant + "/tokens lists them.");
        }
    }
}
