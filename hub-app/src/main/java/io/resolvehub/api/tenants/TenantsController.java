package io.resolvehub.api.tenants;

import io.resolvehub.api.ApiException;
import io.resolvehub.api.TenantAccess;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.tenant.Tenant;
import io.resolvehub.core.tenant.TenantDirectory;
import io.resolvehub.security.TenantGrants;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

@RestController
@RequestMapping("/api/v1/tenants")
class TenantsController {

    record CreateTenant(String id, String name) {
    }

    record TenantView(String id, String name, String createdAt) {
        static TenantView of(Tenant tenant) {
            return new TenantView(tenant.id().value(), tenant.name(), tenant.createdAt().toString());
        }
    }

    private final TenantDirectory tenants;
    private final TenantAccess access;

    TenantsController(TenantDirectory tenants, TenantAccess access) {
        this.tenants = tenants;
        this.access = access;
    }

    @PostMapping
    ResponseEntity<TenantView> create(@RequestBody CreateTenant body) {
        if (!TenantGrants.isOwner()) {
            throw ApiException.forbidden("Only the hub's owner creates tenants; this account manages one tenant.");
        }
        if (body == null || !TenantId.isValid(body.id())) {
            throw ApiException.badRequest("'id' must be 2-40 characters of lower-case letters, digits and dashes, "
                    + "starting with a letter or digit, e.g. \"acme\".");
        }
        String name = body.name() == null || body.name().isBlank() ? body.id() : body.name().strip();
        if (name.length() > 200) {
            throw ApiException.badRequest("'name' is longer than 200 characters.");
        }
        TenantId id = new TenantId(body.id());
        if (!tenants.create(id, name)) {
            throw ApiException.conflict("Tenant '" + id + "' already exists; choose another id.");
        }
        Tenant created = tenants.find(id).orElseThrow();
        return ResponseEntity.created(URI.create("/api/v1/tenants/" + id)).body(TenantView.of(created));
    }

    @GetMapping
    List<TenantView> list() {
        return tenants.all().stream().filter(t -> TenantGrants.mayUse(t.id())).map(TenantView::of).toList();
    }

    @GetMapping("/{tenant}")
    TenantView get(@PathVariable String tenant) {
        return TenantView.of(tenants.find(access.require(tenant)).orElseThrow());
    }
}
