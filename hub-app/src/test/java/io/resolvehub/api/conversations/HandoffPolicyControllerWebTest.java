package io.resolvehub.api.conversations;

import io.resolvehub.api.WebSlice;
import io.resolvehub.core.conversation.HandoffPolicies;
import io.resolvehub.core.conversation.HandoffPolicy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import java.util.List;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code GET/PUT /tenants/{t}/handoff-policy} in a web slice, the policies stood in: a PUT changes only the members it
 * names; a wrong type, an out-of-range value or an unknown member is problem+json naming every problem and saves
 * nothing; another tenant's policy is refused. (Stored for real in ConversationsApiContract, on H2 and PostgreSQL.)
 */
@WebMvcTest(HandoffPolicyController.class)
class HandoffPolicyControllerWebTest extends WebSlice {

    private static final String POLICY = "/api/v1/tenants/acme/handoff-policy";

    @MockitoBean
    HandoffPolicies policies;

    @BeforeEach
    void acmeHasTheDefaults() {
        when(policies.get(ACME)).thenReturn(HandoffPolicy.defaults());
    }

    @Test
    void aPutChangesOnlyTheMembersItNames() throws Exception {
        send(put(POLICY), "{\"maxAiTurns\":5,\"humanPhrases\":[\"agent please\"]}").andExpect(status().isOk());

        verify(policies).save(ACME, new HandoffPolicy(0.5, 5, List.of("agent please"), true));
    }

    @Test
    void everyProblemIsNamedAtOnceAndNothingIsSaved() throws Exception {
        problem(send(put(POLICY), "{\"confidenceThreshold\":1.5,\"maxAiTurns\":\"three\",\"clarifyFirst\":\"yes\"}"), 400,
                "maxAiTurns must be a whole number between 1 and 50; clarifyFirst must be true or false; "
                        + "confidenceThreshold must be between 0 and 1, was 1.5. Nothing was changed.");
        problem(send(put(POLICY), "{\"humanPhrases\":[\"ok\", 7, \" \"]}"), 400, "humanPhrases[1] must be a string");
        problem(send(put(POLICY), "{\"threshold\":0.7}"), 400, "Unknown member(s) [threshold]");
        problem(send(put(POLICY), "[0.7]"), 400, "must be a JSON object");
        verify(policies, never()).save(any(), any());
    }

    @Test
    void anotherTenantsPolicyIsNeitherReadNorChanged() throws Exception {
        problem(send(get("/api/v1/tenants/other-co/handoff-policy")), 403, "may not see 'other-co'");
        problem(send(put("/api/v1/tenants/other-co/handoff-policy"), "{\"maxAiTurns\":5}"), 403, "may not see 'other-co'");
        verify(policies, never()).save(any(), any());
        send(get(POLICY)).andExpect(status().isOk()).andExpect(jsonPath("$.confidenceThreshold").value(0.5))
                .andExpect(jsonPath("$.maxAiTurns").value(3));
    }
}
