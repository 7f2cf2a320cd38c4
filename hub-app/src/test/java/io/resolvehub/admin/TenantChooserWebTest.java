package io.resolvehub.admin;

import io.resolvehub.api.WebSlice;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.tenant.Tenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.time.Instant;
import java.util.List;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The tenant chooser in a web slice, the directory stood in: acme's admin, who may use one tenant, goes straight to
 * it; the owner chooses among all; the switch keeps the section and ignores an unknown one or a bad id; a tenant
 * admin creates no tenant and is told so on a 403 page; the owner's bad or taken id is explained next to its field,
 * creating nothing.
 */
@WebMvcTest(TenantChooser.class)
class TenantChooserWebTest extends WebSlice {

    @BeforeEach
    void theHubHasAcmeAndOtherCo() {
        when(tenants.all()).thenReturn(List.of(new Tenant(ACME, "Acme Inc", Instant.EPOCH),
                new Tenant(new TenantId("other-co"), "Other Co", Instant.EPOCH)));
    }

    private static MockHttpServletRequestBuilder create(String id) {
        return post("/tenants").contentType(MediaType.APPLICATION_FORM_URLENCODED).param("id", id).param("name", "");
    }

    private static void signInAsOwner() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("admin",
                null, AuthorityUtils.createAuthorityList("ROLE_OWNER", "ROLE_ADMIN")));
    }

    @Test
    void aTenantAdminGoesStraightToItsTenantAndTheOwnerChooses() throws Exception {
        open(get("/")).andExpect(status().isFound()).andExpect(redirectedUrl("/t/acme/"));
        signInAsOwner();
        open(get("/")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Acme Inc"), containsString("Other Co"))));
    }

    @Test
    void theSwitchKeepsTheSectionAndIgnoresWhatItDoesNotKnow() throws Exception {
        open(get("/switch?to=other-co&page=billing")).andExpect(redirectedUrl("/t/other-co/billing"));
        open(get("/switch?to=other-co&page=../admin")).andExpect(redirectedUrl("/t/other-co/"));
        open(get("/switch?to=../../etc")).andExpect(redirectedUrl("/"));
    }

    @Test
    void onlyTheOwnerCreatesTenantsAndABadOrTakenIdCreatesNothing() throws Exception {
        // before: 200 and the chooser again, the refusal in a form only the owner sees, so it said nothing
        open(create("beta")).andExpect(status().isForbidden()).andExpect(content().string(allOf(
                containsString("Not allowed"), containsString("owner creates tenants."))));
        signInAsOwner();
        open(create("Beta Corp")).andExpect(status().isOk()).andExpect(content().string(allOf(
                containsString("id=\"new-id-error\""), containsString("Use 2-40 lower-case letters, digits and dashes"))));
        open(create("other-co")).andExpect(status().isOk()).andExpect(content().string(
                containsString("already exists; choose another id.")));
        verify(tenants, never()).create(any(), anyString());
        open(create("beta")).andExpect(status().isFound()).andExpect(redirectedUrl("/t/beta/knowledge"));
        verify(tenants).create(new TenantId("beta"), "beta");
    }
}
