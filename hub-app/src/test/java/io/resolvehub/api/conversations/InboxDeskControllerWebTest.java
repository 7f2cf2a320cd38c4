package io.resolvehub.api.conversations;

import io.resolvehub.api.TenantAccess;
import io.resolvehub.billing.Ledger;
import io.resolvehub.billing.LowBalanceAlerts;
import io.resolvehub.billing.TenantPricing;
import io.resolvehub.core.ConversationId;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.conversation.ConversationNotFoundException;
import io.resolvehub.core.conversation.ConversationStateConflict;
import io.resolvehub.core.conversation.HumanDesk;
import io.resolvehub.core.conversation.HumanDesk.CloseOutcome;
import io.resolvehub.core.tenant.Tenant;
import io.resolvehub.core.tenant.TenantDirectory;
import io.resolvehub.security.audit.AuditLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.servlet.autoconfigure.MultipartAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import java.time.Instant;
import java.util.Optional;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The inbox desk's REST calls in a web slice: the controller, the API's error handling and JSON, with the desk and
 * the tenant directory stood in. What the web layer decides is checked here: a person's reply is sent as the
 * signed-in person, bad input is problem+json with an actionable detail and reaches no desk, the tenant in the URL is
 * the one acted on and another tenant's admin is refused, and the desk's refusals map to 404 and 409. The desk itself
 * runs for real in ConversationsApiContract and the browser tests.
 */
@WebMvcTest(InboxDeskController.class)
@AutoConfigureMockMvc(addFilters = false) // the security chain is tested whole elsewhere; the grants are set below
@Import(TenantAccess.class)
@ImportAutoConfiguration(MultipartAutoConfiguration.class) // the API's upload limits read its settings
class InboxDeskControllerWebTest {

    private static final String ACME = "/api/v1/tenants/acme/conversations/c-1";
    private static final UsernamePasswordAuthenticationToken ACME_LEAD = UsernamePasswordAuthenticationToken.authenticated(
            "lead@acme.test", null, AuthorityUtils.createAuthorityList("ROLE_ADMIN", "TENANT_acme"));

    @Autowired
    MockMvc mvc;
    @MockitoBean
    HumanDesk desk;
    @MockitoBean
    TenantDirectory tenants;
    // what the slice's other web parts (the admin page's model, the audit trail) are built with
    @MockitoBean
    Ledger ledger;
    @MockitoBean
    TenantPricing pricing;
    @MockitoBean
    LowBalanceAlerts alerts;
    @MockitoBean
    AuditLog auditLog;

    @BeforeEach
    void acmeAndOtherCoExistAndAcmesLeadIsSignedIn() {
        for (String id : new String[]{"acme", "other-co"}) {
            when(tenants.find(new TenantId(id))).thenReturn(Optional.of(new Tenant(new TenantId(id), id, Instant.EPOCH)));
        }
        SecurityContextHolder.getContext().setAuthentication(ACME_LEAD);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private ResultActions send(String path, String json) throws Exception {
        return mvc.perform(post(path).principal(ACME_LEAD).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private static void problem(ResultActions result, int status, String detail) throws Exception {
        result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.detail").value(containsString(detail)));
    }

    @Test
    void aReplyIsSentAsTheSignedInPersonWithItsTextTrimmed() throws Exception {
        send(ACME + "/replies", "{\"text\":\"  I have reset your account.  \"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("sent"));

        verify(desk).reply(new TenantId("acme"), new ConversationId("c-1"), "lead@acme.test", "I have reset your account.");
    }

    @Test
    void aBlankMissingOrTooLongReplyIsRefusedAndReachesNoDesk() throws Exception {
        problem(send(ACME + "/replies", "{\"text\":\"   \"}"), 400, "'text' is required");
        problem(send(ACME + "/replies", "{}"), 400, "'text' is required");
        problem(send(ACME + "/replies", "{\"text\":42}"), 400, "'text' is required");
        problem(send(ACME + "/replies", "{\"text\":\"" + "x".repeat(InboxDeskController.MAX_TEXT + 1) + "\"}"),
                400, "longer than 4000 characters");
        verifyNoInteractions(desk);
    }

    @Test
    void aCloseNeedsAKnownOutcomeAndIsRecordedByThePerson() throws Exception {
        problem(send(ACME + "/close", "{\"outcome\":\"done\"}"), 400, "\"resolved_by_human\" or \"unresolved\"");
        verifyNoInteractions(desk);

        send(ACME + "/close", "{\"outcome\":\"unresolved\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("unresolved"));
        verify(desk).close(new TenantId("acme"), new ConversationId("c-1"), CloseOutcome.UNRESOLVED, "lead@acme.test");
    }

    @Test
    void anotherTenantsConversationIsRefusedAndAnUnknownTenantIsNotFound() throws Exception {
        problem(send("/api/v1/tenants/other-co/conversations/c-1/replies", "{\"text\":\"hello\"}"), 403,
                "manages another tenant and may not see 'other-co'");
        problem(send("/api/v1/tenants/other-co/conversations/c-1/return-to-ai", "{}"), 403, "another tenant");
        problem(send("/api/v1/tenants/nobody/conversations/c-1/close", "{\"outcome\":\"unresolved\"}"), 404,
                "There is no tenant 'nobody'");
        verifyNoInteractions(desk);
    }

    @Test
    void theDesksRefusalsAreNotFoundAndConflictWithWhatToDoNext() throws Exception {
        doThrow(new ConversationNotFoundException("no conversation c-1 for acme"))
                .when(desk).returnToAi(any(), any(), any());
        problem(send(ACME + "/return-to-ai", "{}"), 404, "GET /api/v1/tenants/acme/conversations?status=escalated");

        doThrow(new ConversationStateConflict("Only a conversation handed to a person can be replied to; this one is open."))
                .when(desk).reply(any(), any(), any(), any());
        problem(send(ACME + "/replies", "{\"text\":\"hello\"}"), 409, "this one is open");
    }
}
