package io.resolvehub.api.billing;

import io.resolvehub.api.WebSlice;
import io.resolvehub.billing.Balance;
import io.resolvehub.billing.BillingException;
import io.resolvehub.billing.EntryType;
import io.resolvehub.billing.LedgerEntry;
import io.resolvehub.billing.Settlements;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import java.time.Instant;

import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The one-click refund's REST call in a web slice, billing stood in: the charge and the trimmed reason go to billing
 * and the refund comes back with the balance after it; a charge id that is not a number, a missing or over-long reason
 * and another tenant are refused before billing is asked; billing's "already refunded" is 409. (Refunds run for real
 * in BillingApiContract and the browser tests, on H2 and PostgreSQL.)
 */
@WebMvcTest(ChargesController.class)
class ChargesControllerWebTest extends WebSlice {

    @MockitoBean
    Settlements settlements;

    @Test
    void aRefundGoesToBillingWithItsReasonAndAnswersWithTheBalanceAfter() throws Exception {
        when(settlements.refundCharge(ACME, 42, "did not help")).thenReturn(new LedgerEntry(43, "acme", EntryType.REFUND,
                3, 3, 0, null, "c-1", "web", "did not help", 42L, Instant.parse("2026-12-05T00:00:00Z")));
        when(ledger.balance(ACME)).thenReturn(new Balance(103, 10));

        send(post("/api/v1/tenants/acme/charges/42/refund"), "{\"reason\":\"  did not help \"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.refundId").value(43)).andExpect(jsonPath("$.chargeId").value(42))
                .andExpect(jsonPath("$.coins").value(3)).andExpect(jsonPath("$.reason").value("did not help"))
                .andExpect(jsonPath("$.balance.available").value(93));
    }

    @Test
    void badInputAndAnotherTenantAreRefusedBeforeBillingIsAsked() throws Exception {
        problem(send(post("/api/v1/tenants/acme/charges/abc/refund"), "{\"reason\":\"x\"}"), 404,
                "charge ids are the numeric ids of 'charge' entries in GET /api/v1/tenants/acme/ledger");
        problem(send(post("/api/v1/tenants/acme/charges/42/refund"), "{}"), 400, "'reason' is required");
        problem(send(post("/api/v1/tenants/acme/charges/42/refund"), "{\"reason\":\"" + "x".repeat(Settlements.MAX_REASON + 1)
                + "\"}"), 400, "'reason' is longer than " + Settlements.MAX_REASON + " characters");
        problem(send(post("/api/v1/tenants/other-co/charges/42/refund"), "{\"reason\":\"x\"}"), 403, "may not see 'other-co'");
        verifyNoInteractions(settlements);
    }

    @Test
    void aChargeRefundedBeforeIsAConflictThatSaysSo() throws Exception {
        when(settlements.refundCharge(eq(ACME), anyLong(), anyString()))
                .thenThrow(new BillingException.Conflict("Charge 42 was already refunded; nothing was changed."));

        problem(send(post("/api/v1/tenants/acme/charges/42/refund"), "{\"reason\":\"again\"}"), 409, "already refunded");
    }
}
