package io.resolvehub.api.tenants;

import io.resolvehub.api.WebSlice;
import io.resolvehub.security.TenantTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import java.util.Optional;

import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code /tenants/{t}/tokens} in a web slice, the token store stood in: a token is issued under a checked name, in the
 * answer once, recorded as issued by the signed-in admin; a taken name is 409 and says how to revoke it; an unknown
 * name's revoke is 404; another tenant's tokens are refused. (Hashing, use and revocation run for real in
 * TenantTokensContract, on H2 and PostgreSQL.)
 */
@WebMvcTest(TenantTokensController.class)
class TenantTokensControllerWebTest extends WebSlice {

    @MockitoBean
    TenantTokens tokens;

    @Test
    void aTokenIsIssuedOnceUnderACheckedNameByTheSignedInAdmin() throws Exception {
        when(tokens.issue(ACME, "zendesk-sidebar", "lead@acme.test")).thenReturn(Optional.of("rht_secret"));
        send(post("/api/v1/tenants/acme/tokens"), "{\"name\":\" zendesk-sidebar \"}").andExpect(status().isCreated())
                .andExpect(jsonPath("$.token").value("rht_secret")).andExpect(jsonPath("$.name").value("zendesk-sidebar"));

        when(tokens.issue(ACME, "taken", "lead@acme.test")).thenReturn(Optional.empty());
        problem(send(post("/api/v1/tenants/acme/tokens"), "{\"name\":\"taken\"}"), 409,
                "revoke it with DELETE /api/v1/tenants/acme/tokens/taken");
    }

    @Test
    void aBadNameOrAnotherTenantIsRefusedBeforeTheStoreIsAsked() throws Exception {
        problem(send(post("/api/v1/tenants/acme/tokens"), "{\"name\":\"has spaces\"}"), 400, "'name' must be 1-100 letters");
        problem(send(post("/api/v1/tenants/acme/tokens"), "{}"), 400, "'name' must be");
        problem(send(post("/api/v1/tenants/other-co/tokens"), "{\"name\":\"mine\"}"), 403, "may not see 'other-co'");
        problem(send(delete("/api/v1/tenants/other-co/tokens/theirs")), 403, "may not see 'other-co'");
        verifyNoInteractions(tokens);
    }

    @Test
    void revokingAnUnknownTokenIsNotFound() throws Exception {
        when(tokens.revoke(ACME, "gone")).thenReturn(false);
        problem(send(delete("/api/v1/tenants/acme/tokens/gone")), 404, "GET /api/v1/tenants/acme/tokens lists them");
        when(tokens.revoke(ACME, "sidebar")).thenReturn(true);
        send(delete("/api/v1/tenants/acme/tokens/sidebar")).andExpect(status().isNoContent());
    }
}
