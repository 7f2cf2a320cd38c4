package io.resolvehub.api.billing;

import io.resolvehub.api.WebSlice;
import io.resolvehub.billing.Balance;
import io.resolvehub.billing.TopUpResult;
import io.resolvehub.billing.TopUps;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The balance and top-up calls in a web slice, billing stood in: the balance shows what is held and available; a
 * top-up goes to billing with its coins and reference; coins that are not a whole number, a missing reference and
 * another or unknown tenant are refused before billing is asked. (Top-ups run for real in BillingApiContract.)
 */
@WebMvcTest(BalanceController.class)
class BalanceControllerWebTest extends WebSlice {

    @MockitoBean
    TopUps topUps;

    @Test
    void theBalanceShowsWhatIsHeldAndAvailable() throws Exception {
        when(ledger.balance(ACME)).thenReturn(new Balance(120, 20));
        send(get("/api/v1/tenants/acme/balance")).andExpect(status().isOk())
                .andExpect(jsonPath("$.balance").value(120)).andExpect(jsonPath("$.held").value(20))
                .andExpect(jsonPath("$.available").value(100));
    }

    @Test
    void aTopUpGoesToBillingAndAnswersWithTheBalanceAfter() throws Exception {
        when(topUps.topUp(ACME, 500, "inv-7")).thenReturn(new TopUpResult(null, false, new Balance(1000, 0)));
        send(post("/api/v1/tenants/acme/topups"), "{\"coins\":500,\"reference\":\"inv-7\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.available").value(1000));
    }

    @Test
    void badInputAndOtherTenantsAreRefusedBeforeBillingIsAsked() throws Exception {
        problem(send(post("/api/v1/tenants/acme/topups"), "{\"coins\":\"lots\",\"reference\":\"r\"}"), 400,
                "'coins' must be a whole number");
        problem(send(post("/api/v1/tenants/acme/topups"), "{\"coins\":5}"), 400, "'reference' is required");
        problem(send(post("/api/v1/tenants/acme/topups"), "{\"coins\":5,\"reference\":\"r\",\"bonus\":1}"), 400,
                "Unknown member(s)");
        problem(send(post("/api/v1/tenants/other-co/topups"), "{\"coins\":5,\"reference\":\"r\"}"), 403,
                "may not see 'other-co'");
        problem(send(get("/api/v1/tenants/nobody/balance")), 404, "There is no tenant 'nobody'");
        verifyNoInteractions(topUps);
    }
}
