package io.resolvehub.api.billing;

import io.resolvehub.api.WebSlice;
import io.resolvehub.billing.BillingProperties;
import io.resolvehub.billing.EntryType;
import io.resolvehub.billing.LedgerEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The ledger in a web slice, billing stood in: a page of entries for the asked days and after the given id, in JSON;
 * {@code Accept: text/csv} is a download named after the tenant; a bad limit, a bad date, a reversed range and another
 * or unknown tenant are refused before the ledger is read. (The ledger runs for real in BillingApiContract.)
 */
@WebMvcTest(LedgerController.class)
class LedgerControllerWebTest extends WebSlice {

    @MockitoBean
    BillingProperties properties;

    @BeforeEach
    void daysAreUtc() {
        when(properties.zone()).thenReturn(ZoneOffset.UTC);
    }

    @Test
    void aPageOfEntriesForTheAskedDaysAfterTheGivenId() throws Exception {
        Instant from = LocalDate.parse("2026-12-01").atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = LocalDate.parse("2026-12-03").atStartOfDay(ZoneOffset.UTC).toInstant();
        when(ledger.entries(ACME, from, to, 7, 2)).thenReturn(List.of(new LedgerEntry(8, "acme", EntryType.CHARGE,
                3, -3, 0, "k-1", "c-1", "slack", null, null, Instant.parse("2026-12-01T10:00:00Z"))));
        send(get("/api/v1/tenants/acme/ledger?from=2026-12-01&to=2026-12-02&after=7&limit=2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(8)).andExpect(jsonPath("$[0].type").value("charge"))
                .andExpect(jsonPath("$[0].balanceChange").value(-3)).andExpect(jsonPath("$[0].channel").value("slack"));
    }

    @Test
    void acceptingCsvIsADownloadNamedAfterTheTenant() throws Exception {
        send(get("/api/v1/tenants/acme/ledger").header(HttpHeaders.ACCEPT, "text/csv"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION, containsString("ledger-acme.csv")));
        verify(ledger).forEachEntry(any(), any(), any(), any());
    }

    @Test
    void badInputAndOtherTenantsAreRefusedBeforeTheLedgerIsRead() throws Exception {
        problem(send(get("/api/v1/tenants/acme/ledger?limit=0")), 400, "'limit' must be from 1 to 10000");
        problem(send(get("/api/v1/tenants/acme/ledger?from=yesterday")), 400,
                "'from' must be an ISO date like 2026-11-01, not 'yesterday'");
        problem(send(get("/api/v1/tenants/acme/ledger?from=2026-12-05&to=2026-12-01")), 400,
                "'from' (2026-12-05) must not be after 'to' (2026-12-01)");
        problem(send(get("/api/v1/tenants/other-co/ledger")), 403, "may not see 'other-co'");
        problem(send(get("/api/v1/tenants/nobody/ledger")), 404, "There is no tenant 'nobody'");
        verify(ledger, never()).entries(any(), any(), any(), anyLong(), anyInt());
        verify(ledger, never()).forEachEntry(any(), any(), any(), any());
    }
}
