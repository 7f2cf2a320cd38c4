package io.resolvehub.admin;

import io.resolvehub.api.WebSlice;
import io.resolvehub.core.Answer;
import io.resolvehub.core.Citation;
import io.resolvehub.core.conversation.FirstTurnDryRun;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.List;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The Try it page in a web slice, the dry run stood in: the trimmed question is asked and the answer shown with its
 * confidence rounded and its sources; a blank or over-long question is explained next to the box and asks nothing;
 * another tenant's page and question are refused, an unknown tenant is not found.
 */
@WebMvcTest(TryItPage.class)
class TryItPageWebTest extends WebSlice {

    @MockitoBean
    FirstTurnDryRun dryRun;

    private static MockHttpServletRequestBuilder ask(String tenant, String question) {
        return post("/t/" + tenant + "/try").contentType(MediaType.APPLICATION_FORM_URLENCODED).param("question", question);
    }

    @Test
    void theAnswerIsShownWithItsConfidenceAndSources() throws Exception {
        when(dryRun.ask(ACME, "How do I reset my password?", List.of())).thenReturn(Answer.answer("Open Settings.",
                0.923456, List.of(new Citation("s1", "Reset your password", "https://help.example.test/reset", "Open Settings"))));
        open(ask("acme", "  How do I reset my password? ")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Open Settings."), containsString("confidence 0.92"),
                        containsString("Reset your password"))));
    }

    @Test
    void aBlankOrOverLongQuestionIsExplainedNextToTheBoxAndAsksNothing() throws Exception {
        open(ask("acme", "  ")).andExpect(status().isOk()).andExpect(content().string(allOf(
                containsString("id=\"question-error\""), containsString("Type a question your customers ask."))));
        open(ask("acme", "x".repeat(TryItPage.MAX_QUESTION + 1))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Keep it under 4000 characters.")));
        verifyNoInteractions(dryRun);
    }

    @Test
    void anotherTenantIsRefusedAndAnUnknownOneNotFound() throws Exception {
        open(get("/t/acme/try")).andExpect(status().isOk()).andExpect(content().string(containsString("id=\"question\"")));
        open(get("/t/other-co/try")).andExpect(status().isForbidden()).andExpect(content().string(containsString("Not allowed")));
        open(ask("other-co", "hello")).andExpect(status().isForbidden());
        open(get("/t/nobody/try")).andExpect(status().isNotFound()).andExpect(content().string(containsString("Not found")));
        verifyNoInteractions(dryRun);
    }
}
