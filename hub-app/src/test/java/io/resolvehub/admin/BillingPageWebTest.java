package io.resolvehub.admin;

import io.resolvehub.api.WebSlice;
import io.resolvehub.billing.Balance;
import io.resolvehub.billing.BillingException;
import io.resolvehub.billing.BillingProperties;
import io.resolvehub.billing.Settlements;
import io.resolvehub.billing.TopUpResult;
import io.resolvehub.billing.TopUps;
import io.resolvehub.billing.UsageReports;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The billing page in a web slice, billing stood in: a top-up that is not a whole number is explained next to its
 * field and reaches no meter; a good one redirects with what is available now; a refund billing refuses says why;
 * another tenant's page, top-up and ledger download are refused. (Top-ups and refunds run for real in the browser
 * tests and AdminPagesContract, on H2 and PostgreSQL.)
 */
@WebMvcTest(BillingPage.class)
class BillingPageWebTest extends WebSlice {

    @MockitoBean
    TopUps topUps;
    @MockitoBean
    Settlements settlements;
    @MockitoBean
    UsageReports usage;
    @MockitoBean
    BillingProperties properties;

    @BeforeEach
    void acmeHasNoUsage() {
        when(properties.zone()).thenReturn(ZoneOffset.UTC);
        when(usage.usage(any(), any(), any())).thenReturn(new UsageReports.Report(LocalDate.EPOCH, LocalDate.EPOCH,
                List.of(), new UsageReports.Row(null, null, 0, 0, 0, 0)));
    }

    @Test
    void aTopUpThatIsNotAWholeNumberIsExplainedNextToItsField() throws Exception {
        open(form("/t/acme/billing/topup", "coins", "abc", "reference", "page-1")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"coins-error\""),
                        containsString("Enter a whole number of coins, like 500."))));
        verifyNoInteractions(topUps);
    }

    @Test
    void aTopUpRedirectsSayingWhatIsAvailableNow() throws Exception {
        when(topUps.topUp(ACME, 500, "page-1")).thenReturn(new TopUpResult(null, false, new Balance(1000, 0)));
        open(form("/t/acme/billing/topup", "coins", " 500 ", "reference", "page-1")).andExpect(status().isFound())
                .andExpect(redirectedUrl("/t/acme/billing"))
                .andExpect(flash().attribute("notice", "Added 500 coins. Available now: 1000 coins."));
    }

    @Test
    void aRefundBillingRefusesSaysWhy() throws Exception {
        when(settlements.refundCharge(any(), anyLong(), anyString()))
                .thenThrow(new BillingException.Conflict("Charge 42 was already refunded; nothing was changed."));
        open(form("/t/acme/billing/charges/42/refund", "reason", "again")).andExpect(status().isFound())
                .andExpect(flash().attribute("notice", "Charge 42 was already refunded; nothing was changed."));
    }

    @Test
    void anotherTenantsBillingIsRefusedOnEveryCall() throws Exception {
        open(get("/t/other-co/billing")).andExpect(status().isForbidden())
                .andExpect(content().string(containsString("Not allowed")));
        open(form("/t/other-co/billing/topup", "coins", "500", "reference", "page-2")).andExpect(status().isForbidden());
        open(form("/t/other-co/billing/charges/42/refund", "reason", "x")).andExpect(status().isForbidden());
        open(get("/t/other-co/billing/ledger.csv")).andExpect(status().isForbidden());
        verifyNoInteractions(topUps, settlements);
    }
}
