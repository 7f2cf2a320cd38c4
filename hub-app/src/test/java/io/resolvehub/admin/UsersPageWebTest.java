package io.resolvehub.admin;

import io.resolvehub.api.WebSlice;
import io.resolvehub.security.AdminUsers;
import io.resolvehub.security.TenantTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import java.util.Optional;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The Users page in a web slice, users and tokens stood in: a tenant admin cannot add users (only the owner can) and
 * the owner's bad user name is explained next to its field, creating no one; a token with a bad name is explained and
 * none issued; a good one is issued once with a notice to copy it; another tenant's page and forms are refused.
 */
@WebMvcTest(UsersPage.class)
class UsersPageWebTest extends WebSlice {

    @MockitoBean
    AdminUsers users;
    @MockitoBean
    TenantTokens tokens;

    @Test
    void onlyTheOwnerAddsUsersAndABadNameCreatesNoOne() throws Exception {
        open(form("/t/acme/users", "username", "sam", "password", "long-enough-password")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Only the hub")));
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("admin",
                null, AuthorityUtils.createAuthorityList("ROLE_OWNER", "ROLE_ADMIN")));
        open(form("/t/acme/users", "username", "s", "password", "long-enough-password")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("The user name must be 2-100 letters"),
                        containsString("value=\"s\""))));
        verify(users, never()).createTenantAdmin(anyString(), anyString(), any());
    }

    @Test
    void aTokenWithABadNameIsExplainedAndAGoodOneIssuedOnce() throws Exception {
        open(form("/t/acme/users/tokens", "name", "my token!")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Name it after where it is used, e.g. zendesk-sidebar")));
        verify(tokens, never()).issue(any(), anyString(), anyString());
        when(tokens.issue(ACME, "zendesk-sidebar", "lead@acme.test")).thenReturn(Optional.of("rht_secret"));
        open(form("/t/acme/users/tokens", "name", " zendesk-sidebar ")).andExpect(status().isFound())
                .andExpect(redirectedUrl("/t/acme/users")).andExpect(flash().attribute("issuedToken", "rht_secret"))
                .andExpect(flash().attribute("notice", "Token 'zendesk-sidebar' issued. Copy it now: it is not shown again."));
    }

    @Test
    void anotherTenantsUsersAreRefused() throws Exception {
        open(get("/t/other-co/users")).andExpect(status().isForbidden()).andExpect(content().string(containsString("Not allowed")));
        open(form("/t/other-co/users/tokens", "name", "ci")).andExpect(status().isForbidden());
        open(form("/t/other-co/users/tokens/ci/revoke")).andExpect(status().isForbidden());
        open(get("/t/nobody/users")).andExpect(status().isNotFound());
        verifyNoInteractions(users, tokens);
    }
}
