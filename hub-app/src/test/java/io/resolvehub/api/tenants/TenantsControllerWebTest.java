package io.resolvehub.api.tenants;

import io.resolvehub.api.WebSlice;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.tenant.Tenant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.hamcrest.Matchers.hasSize;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code /tenants} in a web slice, the tenant directory stood in: a tenant admin lists only its own tenant and creates
 * none; the owner creates a tenant under a checked id, named after it when no name is given, and a taken id is 409.
 * (Tenants are stored for real in FoundationApiContract and TenantIsolationContract, on H2 and PostgreSQL.)
 */
@WebMvcTest(TenantsController.class)
class TenantsControllerWebTest extends WebSlice {

    private static void signInAsTheOwner() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("admin",
                null, AuthorityUtils.createAuthorityList("ROLE_OWNER", "ROLE_ADMIN")));
    }

    @Test
    void aTenantAdminListsItsOwnTenantOnlyAndCreatesNone() throws Exception {
        when(tenants.all()).thenReturn(List.of(new Tenant(ACME, "Acme", Instant.EPOCH),
                new Tenant(new TenantId("other-co"), "Other", Instant.EPOCH)));
        send(get("/api/v1/tenants")).andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].id").value("acme"));
        problem(send(post("/api/v1/tenants"), "{\"id\":\"new-co\"}"), 403, "Only the hub's owner creates tenants");
        verify(tenants, never()).create(any(), anyString());
    }

    @Test
    void theOwnerCreatesATenantUnderACheckedId() throws Exception {
        signInAsTheOwner();
        problem(send(post("/api/v1/tenants"), "{\"id\":\"Not Valid\"}"), 400, "'id' must be 2-40 characters");
        problem(send(post("/api/v1/tenants"), "{\"id\":\"new-co\",\"name\":\"" + "n".repeat(201) + "\"}"), 400,
                "'name' is longer than 200 characters.");
        verify(tenants, never()).create(any(), anyString());

        TenantId created = new TenantId("new-co");
        when(tenants.create(created, "new-co")).thenReturn(true);
        when(tenants.find(created)).thenReturn(Optional.of(new Tenant(created, "new-co", Instant.EPOCH)));
        send(post("/api/v1/tenants"), "{\"id\":\"new-co\",\"name\":\"  \"}").andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/tenants/new-co")).andExpect(jsonPath("$.name").value("new-co"));
        problem(send(post("/api/v1/tenants"), "{\"id\":\"acme\"}"), 409, "Tenant 'acme' already exists");
    }
}
