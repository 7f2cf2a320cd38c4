package io.resolvehub.api.users;

import io.resolvehub.api.WebSlice;
import io.resolvehub.security.AdminUsers;
import io.resolvehub.security.AdminUsers.AdminUser;
import io.resolvehub.security.LoginAttempts;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import java.util.List;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code /tenants/{t}/users} in a web slice, the user store and lockouts stood in: only the owner adds users, each an
 * admin of the tenant in the URL, with the name and password rules checked first; a tenant admin ends the lockout of
 * its own tenant's users only. (Sign-in, bcrypt and lockout run for real in the browser and tenant-isolation tests.)
 */
@WebMvcTest(UsersController.class)
class UsersControllerWebTest extends WebSlice {

    @MockitoBean
    AdminUsers users;
    @MockitoBean
    LoginAttempts attempts;

    private static void signInAsTheOwner() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("admin",
                null, AuthorityUtils.createAuthorityList("ROLE_OWNER", "ROLE_ADMIN")));
    }

    @Test
    void aTenantAdminAddsNoUsers() throws Exception {
        problem(send(post("/api/v1/tenants/acme/users"), "{\"username\":\"night-shift\",\"password\":\"a-long-enough-password\"}"),
                403, "Only the hub's owner adds users.");
        verify(users, never()).createTenantAdmin(anyString(), anyString(), any());
    }

    @Test
    void theOwnerAddsAnAdminOfTheTenantInTheUrlOnceItsNameAndPasswordPass() throws Exception {
        signInAsTheOwner();
        problem(send(post("/api/v1/tenants/acme/users"), "{\"username\":\"x\",\"password\":\"a-long-enough-password\"}"),
                400, "'username' must be 2-100 letters");
        problem(send(post("/api/v1/tenants/acme/users"), "{\"username\":\"night-shift\",\"password\":\"short\"}"),
                400, "'password' must be 12 to 200 characters.");
        verify(users, never()).createTenantAdmin(anyString(), anyString(), any());

        when(users.createTenantAdmin("night-shift", "a-long-enough-password", ACME)).thenReturn(true);
        send(post("/api/v1/tenants/acme/users"), "{\"username\":\" night-shift \",\"password\":\"a-long-enough-password\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.tenant").value("acme"))
                .andExpect(jsonPath("$.username").value("night-shift"));
        problem(send(post("/api/v1/tenants/acme/users"), "{\"username\":\"lead\",\"password\":\"a-long-enough-password\"}"),
                409, "User 'lead' already exists");
    }

    @Test
    void aTenantAdminUnlocksItsOwnTenantsUsersOnly() throws Exception {
        when(users.of(ACME)).thenReturn(List.of(new AdminUser("night-shift", "acme"), new AdminUser("admin", null)));

        send(post("/api/v1/tenants/acme/users/night-shift/unlock")).andExpect(status().isNoContent());
        verify(attempts).unlock("night-shift");
        problem(send(post("/api/v1/tenants/acme/users/admin/unlock")), 404, "No user 'admin' in tenant 'acme'");
        problem(send(post("/api/v1/tenants/other-co/users/night-shift/unlock")), 403, "may not see 'other-co'");
        verify(attempts, never()).unlock("admin");
    }

    @Test
    void nothingIsAskedOfTheStoreForAnUnknownTenant() throws Exception {
        signInAsTheOwner();
        problem(send(post("/api/v1/tenants/nobody/users"), "{\"username\":\"night-shift\",\"password\":\"a-long-enough-password\"}"),
                404, "There is no tenant 'nobody'");
        verifyNoInteractions(users, attempts);
    }
}
