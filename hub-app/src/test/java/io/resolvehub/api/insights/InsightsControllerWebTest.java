package io.resolvehub.api.insights;

import io.resolvehub.api.WebSlice;
import io.resolvehub.insights.GapRecheck;
import io.resolvehub.insights.Insights;
import io.resolvehub.insights.InsightsReport;
import io.resolvehub.insights.Trend;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Insights in a web slice, the report and recheck stood in: the asked days' topics, gaps and totals come back; a days
 * value out of range or not a number, a gap id that is not a number and another or unknown tenant are refused before
 * anything is computed; a gap with no question in the period is 404 saying where the gaps are listed.
 */
@WebMvcTest(InsightsController.class)
class InsightsControllerWebTest extends WebSlice {

    @MockitoBean
    Insights insights;
    @MockitoBean
    GapRecheck recheck;

    @Test
    void theAskedDaysTopicsGapsAndTotalsComeBack() throws Exception {
        when(insights.report(ACME, 30)).thenReturn(new InsightsReport(Instant.EPOCH, Instant.EPOCH,
                new InsightsReport.Totals(10, 7, 3, 0.7, 12),
                List.of(new InsightsReport.Topic(1, "refunds", 4, 3, 1, Trend.NEW, List.of("how do I get a refund?"))),
                List.of(new InsightsReport.Gap(2, "sso", 2, List.of("do you support okta?"), null))));
        send(get("/api/v1/tenants/acme/insights?days=30")).andExpect(status().isOk())
                .andExpect(jsonPath("$.totals.resolutionRate").value(0.7))
                .andExpect(jsonPath("$.topics[0].label").value("refunds")).andExpect(jsonPath("$.topics[0].trend").value("new"))
                .andExpect(jsonPath("$.gaps[0].id").value(2));
    }

    @Test
    void badInputAndOtherTenantsAreRefusedBeforeAnythingIsComputed() throws Exception {
        problem(send(get("/api/v1/tenants/acme/insights?days=366")), 400,
                "'days' must be a whole number of days from 1 to 365, e.g. ?days=7; it was '366'.");
        problem(send(get("/api/v1/tenants/acme/insights?days=week")), 400, "it was 'week'");
        problem(send(post("/api/v1/tenants/acme/insights/gaps/sso/recheck")), 400,
                "A gap id is a number, as GET /insights shows it; 'sso' is not.");
        problem(send(get("/api/v1/tenants/other-co/insights")), 403, "may not see 'other-co'");
        problem(send(post("/api/v1/tenants/other-co/insights/gaps/2/recheck")), 403, "may not see 'other-co'");
        problem(send(get("/api/v1/tenants/nobody/insights")), 404, "There is no tenant 'nobody'");
        verifyNoInteractions(insights, recheck);
    }

    @Test
    void aGapWithNoQuestionInThePeriodSaysWhereTheGapsAreListed() throws Exception {
        when(recheck.recheck(ACME, 2, 7)).thenReturn(Optional.empty());
        problem(send(post("/api/v1/tenants/acme/insights/gaps/2/recheck")), 404,
                "No question of gap 2 was asked in the last 7 days; GET /api/v1/tenants/acme/insights?days=7 lists the gaps.");
    }
}
