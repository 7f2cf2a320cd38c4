package io.resolvehub.api.billing;

import io.resolvehub.api.WebSlice;
import io.resolvehub.billing.BillingProperties;
import io.resolvehub.billing.UsageReports;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Usage by day and channel in a web slice, billing stood in: the asked days go to the report and its rows and totals
 * come back; a bad date, a reversed range and another or unknown tenant are refused before the report is made.
 */
@WebMvcTest(UsageController.class)
class UsageControllerWebTest extends WebSlice {

    @MockitoBean
    UsageReports usage;
    @MockitoBean
    BillingProperties properties;

    @BeforeEach
    void daysAreUtc() {
        when(properties.zone()).thenReturn(ZoneOffset.UTC);
    }

    @Test
    void theAskedDaysComeBackWithTheirRowsAndTotals() throws Exception {
        LocalDate from = LocalDate.parse("2026-12-01"), to = LocalDate.parse("2026-12-02");
        when(usage.usage(ACME, from, to)).thenReturn(new UsageReports.Report(from, to,
                List.of(new UsageReports.Row(from, "slack", 4, 9, 1, 2)),
                new UsageReports.Row(null, null, 4, 9, 1, 2)));
        send(get("/api/v1/tenants/acme/usage?from=2026-12-01&to=2026-12-02")).andExpect(status().isOk())
                .andExpect(jsonPath("$.from").value("2026-12-01")).andExpect(jsonPath("$.to").value("2026-12-02"))
                .andExpect(jsonPath("$.days[0].day").value("2026-12-01"))
                .andExpect(jsonPath("$.days[0].channel").value("slack"))
                .andExpect(jsonPath("$.totals.coins").value(9)).andExpect(jsonPath("$.totals.refundedCoins").value(2));
    }

    @Test
    void badInputAndOtherTenantsAreRefusedBeforeTheReportIsMade() throws Exception {
        problem(send(get("/api/v1/tenants/acme/usage?to=12/01/2026")), 400,
                "'to' must be an ISO date like 2026-11-01, not '12/01/2026'");
        problem(send(get("/api/v1/tenants/acme/usage?from=2026-12-05&to=2026-12-01")), 400,
                "'from' (2026-12-05) must not be after 'to' (2026-12-01)");
        problem(send(get("/api/v1/tenants/other-co/usage")), 403, "may not see 'other-co'");
        problem(send(get("/api/v1/tenants/nobody/usage")), 404, "There is no tenant 'nobody'");
        verifyNoInteractions(usage);
    }
}
