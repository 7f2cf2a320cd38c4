package io.resolvehub.admin;

import io.resolvehub.api.WebSlice;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.conversation.HandoffPolicies;
import io.resolvehub.core.conversation.HandoffPolicy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.List;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The hand-off rules page in a web slice, the policies and billing stood in: the form shows the tenant's policy; a bad
 * value is explained next to its field with what was typed kept, and saves nothing; a good form saves the phrases one
 * per line and redirects; another tenant's page is a "Not allowed" page, not the API's JSON.
 */
@WebMvcTest(RulesPage.class)
class RulesPageWebTest extends WebSlice {

    @MockitoBean
    HandoffPolicies policies;

    @BeforeEach
    void acmeHasTheDefaultPolicy() {
        when(policies.get(ACME)).thenReturn(HandoffPolicy.defaults());
    }

    private static MockHttpServletRequestBuilder submit(String threshold, String turns, String phrases) {
        return post("/t/acme/rules").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("confidenceThreshold", threshold).param("maxAiTurns", turns).param("humanPhrases", phrases)
                .param("clarifyFirst", "true");
    }

    @Test
    void theFormShowsTheTenantsPolicy() throws Exception {
        open(get("/t/acme/rules")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"confidenceThreshold\""), containsString("value=\"0.5\""),
                        containsString("talk to a human"), containsString("aria-current=\"page\""))));
    }

    @Test
    void aBadValueIsExplainedNextToItsFieldKeepsWhatWasTypedAndSavesNothing() throws Exception {
        open(submit("0.7", "0", "agent please")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"maxAiTurns-error\""),
                        containsString("Must be between 1 and 50, was 0."), containsString("aria-invalid=\"true\""),
                        containsString("value=\"0.7\""), not(containsString("id=\"confidenceThreshold-error\"")))));
        open(submit("half", "3", "")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Must be a number between 0 and 1, like 0.5.")));
        verify(policies, never()).save(any(), any());
    }

    @Test
    void aGoodFormSavesOnePhrasePerLineAndRedirects() throws Exception {
        open(submit(" 0.6 ", "4", "agent please\r\n\r\n  a real person \n")).andExpect(status().isFound())
                .andExpect(redirectedUrl("/t/acme/rules"));

        verify(policies).save(ACME, new HandoffPolicy(0.6, 4, List.of("agent please", "a real person"), true));
    }

    @Test
    void anotherTenantsRulesAreANotAllowedPage() throws Exception {
        open(get("/t/other-co/rules")).andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("Not allowed")));
        open(submit("0.6", "4", "")).andExpect(status().isFound()); // acme's own still saves
        open(post("/t/other-co/rules").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("confidenceThreshold", "0.6").param("maxAiTurns", "4")).andExpect(status().isForbidden());
        verify(policies, never()).save(eq(new TenantId("other-co")), any());
    }
}
