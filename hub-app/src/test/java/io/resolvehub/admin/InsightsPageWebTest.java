package io.resolvehub.admin;

import io.resolvehub.api.WebSlice;
import io.resolvehub.insights.DigestSettings;
import io.resolvehub.insights.Digests;
import io.resolvehub.insights.GapRecheck;
import io.resolvehub.insights.Insights;
import io.resolvehub.insights.InsightsReport;
import io.resolvehub.insights.Trend;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.time.Instant;
import java.util.List;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
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
 * The Insights page in a web slice, the report and digests stood in (saving validates as the real one does): the
 * period's topics and gaps are shown, an unlisted period falls back to 7 days; digest settings the digest refuses are
 * explained next to their field with what was typed kept; good ones redirect; another tenant's page, digest and
 * recheck are refused.
 */
@WebMvcTest(InsightsPage.class)
class InsightsPageWebTest extends WebSlice {

    @MockitoBean
    Insights insights;
    @MockitoBean
    GapRecheck recheck;
    @MockitoBean
    Digests digests;

    @BeforeEach
    void acmeHasOneTopicAndOneGap() {
        when(insights.report(any(), anyInt())).thenReturn(new InsightsReport(Instant.EPOCH, Instant.EPOCH,
                new InsightsReport.Totals(10, 7, 3, 0.7, 12),
                List.of(new InsightsReport.Topic(1, "Refund requests", 4, 3, 1, Trend.RISING, List.of("how do I get a refund?"))),
                List.of(new InsightsReport.Gap(2, "Single sign-on", 2, List.of("do you support okta?"), null))));
        when(digests.settings(ACME)).thenReturn(DigestSettings.defaults());
        when(digests.save(any(), any())).thenAnswer(call -> call.getArgument(1, DigestSettings.class).validated());
    }

    private static MockHttpServletRequestBuilder digest(String tenant, String channel, String target) {
        return post("/t/" + tenant + "/insights/digest").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("schedule", "weekly").param("channel", channel).param("target", target).param("timeZone", "UTC");
    }

    @Test
    void thePeriodsTopicsAndGapsAreShown() throws Exception {
        open(get("/t/acme/insights?days=30")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Refund requests"), containsString("Single sign-on"),
                        containsString("do you support okta?"))));
        verify(insights).report(ACME, 30);
        open(get("/t/acme/insights?days=12")).andExpect(status().isOk());
        verify(insights).report(ACME, 7);
    }

    @Test
    void digestSettingsTheDigestRefusesAreExplainedNextToTheirField() throws Exception {
        open(digest("acme", "slack", "")).andExpect(status().isOk()).andExpect(content().string(
                containsString("Is required: the Slack channel id")));
        open(digest("acme", "slack", "C0123ABCD")).andExpect(status().isFound())
                .andExpect(redirectedUrl("/t/acme/insights#digest"))
                .andExpect(flash().attribute("notice", "Digest settings saved."));
    }

    @Test
    void anotherTenantsInsightsAreRefused() throws Exception {
        open(get("/t/other-co/insights")).andExpect(status().isForbidden()).andExpect(content().string(containsString("Not allowed")));
        open(digest("other-co", "slack", "C0123ABCD")).andExpect(status().isForbidden());
        open(post("/t/other-co/insights/digest/send")).andExpect(status().isForbidden());
        open(post("/t/other-co/insights/gaps/2/recheck")).andExpect(status().isForbidden());
        open(get("/t/nobody/insights")).andExpect(status().isNotFound());
        verify(digests, never()).save(any(), any());
        verifyNoInteractions(recheck);
    }
}
