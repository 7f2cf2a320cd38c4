package io.resolvehub.api;

import io.resolvehub.billing.Balance;
import io.resolvehub.billing.Ledger;
import io.resolvehub.billing.LowBalanceAlerts;
import io.resolvehub.billing.Pricing;
import io.resolvehub.billing.TenantPricing;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.tenant.Tenant;
import io.resolvehub.core.tenant.TenantDirectory;
import io.resolvehub.security.audit.AuditLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.servlet.autoconfigure.MultipartAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.time.Instant;
import java.util.Optional;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What a web slice test of a controller shares (the subclass names its controller with {@code @WebMvcTest}): the
 * tenants {@code acme} and {@code other-co} exist, each with 500 coins, and the admin of {@code acme} only is signed in. The security
 * filter chain is left out (it is tested whole in the full-application tests); the grants it would set are set here,
 * so the tenant in the URL is checked as in production. The other web parts the slice loads (the admin page's model,
 * the audit trail) get stand-ins for what they are built with.
 */
@AutoConfigureMockMvc(addFilters = false)
@Import(TenantAccess.class)
@ImportAutoConfiguration(MultipartAutoConfiguration.class) // the API's upload limits read its settings
public abstract class WebSlice {

    protected static final TenantId ACME = new TenantId("acme");
    protected static final UsernamePasswordAuthenticationToken ACME_LEAD = UsernamePasswordAuthenticationToken.authenticated(
            "lead@acme.test", null, AuthorityUtils.createAuthorityList("ROLE_ADMIN", "TENANT_acme"));

    @Autowired
    protected MockMvc mvc;
    @MockitoBean
    protected TenantDirectory tenants;
    @MockitoBean
    protected Ledger ledger;
    @MockitoBean
    protected TenantPricing pricing;
    @MockitoBean
    protected LowBalanceAlerts alerts;
    @MockitoBean
    protected AuditLog auditLog;

    @BeforeEach
    void acmeAndOtherCoExistAndAcmesLeadIsSignedIn() {
        for (String id : new String[]{"acme", "other-co"}) {
            when(tenants.find(new TenantId(id))).thenReturn(Optional.of(new Tenant(new TenantId(id), id, Instant.EPOCH)));
        }
        // what every admin page shows around its content: the balance, below the alert level or not
        when(ledger.balance(any())).thenReturn(new Balance(500, 0));
        when(pricing.get(any())).thenReturn(new Pricing(1, 1, 5, 50));
        SecurityContextHolder.getContext().setAuthentication(ACME_LEAD);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    /** The request as acme's admin sends it, with a JSON body. */
    protected ResultActions send(MockHttpServletRequestBuilder request, String json) throws Exception {
        return mvc.perform(request.principal(ACME_LEAD).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    protected ResultActions send(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.principal(ACME_LEAD));
    }

    /** An admin page as acme's admin opens it in a browser: HTML, and a CSRF token for the page's forms to carry. */
    protected ResultActions open(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.principal(ACME_LEAD).accept(MediaType.TEXT_HTML)
                .requestAttr("_csrf", new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "test-token")));
    }

    /** A page's form posted with these name / value pairs. */
    protected static MockHttpServletRequestBuilder form(String path, String... pairs) {
        MockHttpServletRequestBuilder request = post(path).contentType(MediaType.APPLICATION_FORM_URLENCODED);
        for (int i = 0; i < pairs.length; i += 2) {
            request.param(pairs[i], pairs[i + 1]);
        }
        return request;
    }

    /** An RFC 9457 problem with this status whose {@code detail} says {@code detail}. */
    protected static void problem(ResultActions result, int status, String detail) throws Exception {
        result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.detail").value(containsString(detail)));
    }
}
