package io.resolvehub.api.audit;

import io.resolvehub.api.WebSlice;
import io.resolvehub.security.audit.AuditLog;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Instant;
import java.util.List;

import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The audit log in a web slice, the log stood in: acme's admin reads acme's actions with the asked limit; a limit out
 * of range, a read-only token, another tenant and an unknown one are refused before the log is read.
 */
@WebMvcTest(AuditController.class)
class AuditControllerWebTest extends WebSlice {

    @Test
    void theAdminReadsTheTenantsActionsWithTheAskedLimit() throws Exception {
        when(auditLog.of("acme", 5)).thenReturn(List.of(new AuditLog.Entry(3, "acme", "lead@acme.test",
                "PUT /api/v1/tenants/acme/pricing", 200, "10.0.0.1", Instant.parse("2026-12-05T00:00:00Z"))));
        send(get("/api/v1/tenants/acme/audit?limit=5")).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].actor").value("lead@acme.test"))
                .andExpect(jsonPath("$[0].action").value("PUT /api/v1/tenants/acme/pricing"))
                .andExpect(jsonPath("$[0].status").value(200));
    }

    @Test
    void badLimitsReadOnlyTokensAndOtherTenantsAreRefusedBeforeTheLogIsRead() throws Exception {
        problem(send(get("/api/v1/tenants/acme/audit?limit=0")), 400, "'limit' must be a whole number from 1 to 1000");
        problem(send(get("/api/v1/tenants/acme/audit?limit=1001")), 400, "not 1001");
        problem(send(get("/api/v1/tenants/other-co/audit")), 403, "may not see 'other-co'");
        problem(send(get("/api/v1/tenants/nobody/audit")), 404, "There is no tenant 'nobody'");
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "token:acme-ci", null, AuthorityUtils.createAuthorityList("TENANT_acme")));
        problem(send(get("/api/v1/tenants/acme/audit")), 403, "a read-only token cannot see it");
        verifyNoInteractions(auditLog);
    }
}
