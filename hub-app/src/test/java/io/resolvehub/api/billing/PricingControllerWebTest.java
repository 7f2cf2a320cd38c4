package io.resolvehub.api.billing;

import io.resolvehub.api.WebSlice;
import io.resolvehub.billing.BillingException;
import io.resolvehub.billing.Pricing;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A tenant's pricing in a web slice, billing stood in: GET shows the four values; PUT passes all four to billing;
 * a missing or non-numeric value and another or unknown tenant are refused before billing is asked; billing's own
 * rules (max below base) come back as 400 naming the rule. (Pricing runs for real in BillingApiContract.)
 */
@WebMvcTest(PricingController.class)
class PricingControllerWebTest extends WebSlice {

    private static final String GOOD = "{\"baseCoins\":2,\"coinsPerExtraAnswer\":1,\"maxCoins\":6,\"lowBalanceCoins\":40}";

    @Test
    void getShowsTheFourValuesAndPutPassesThemAllToBilling() throws Exception {
        send(get("/api/v1/tenants/acme/pricing")).andExpect(status().isOk())
                .andExpect(jsonPath("$.baseCoins").value(1)).andExpect(jsonPath("$.maxCoins").value(5))
                .andExpect(jsonPath("$.lowBalanceCoins").value(50));
        when(pricing.put(ACME, new Pricing(2, 1, 6, 40))).thenReturn(new Pricing(2, 1, 6, 40));
        send(put("/api/v1/tenants/acme/pricing"), GOOD).andExpect(status().isOk())
                .andExpect(jsonPath("$.baseCoins").value(2)).andExpect(jsonPath("$.lowBalanceCoins").value(40));
    }

    @Test
    void badInputAndOtherTenantsAreRefusedBeforeBillingIsAsked() throws Exception {
        problem(send(put("/api/v1/tenants/acme/pricing"), "{\"baseCoins\":2}"), 400, "'coinsPerExtraAnswer' is required");
        problem(send(put("/api/v1/tenants/acme/pricing"), GOOD.replace("6", "\"six\"")), 400,
                "'maxCoins' must be a whole number");
        problem(send(put("/api/v1/tenants/acme/pricing"), "[1,2]"), 400, "must be a JSON object");
        problem(send(put("/api/v1/tenants/other-co/pricing"), GOOD), 403, "may not see 'other-co'");
        problem(send(get("/api/v1/tenants/nobody/pricing")), 404, "There is no tenant 'nobody'");
        verify(pricing, never()).put(any(), any());
    }

    @Test
    void billingsOwnRulesComeBackAsBadRequest() throws Exception {
        when(pricing.put(any(), any())).thenThrow(new BillingException.Invalid("'maxCoins' must be at least 'baseCoins'"));
        problem(send(put("/api/v1/tenants/acme/pricing"), GOOD), 400, "'maxCoins' must be at least 'baseCoins'");
    }
}
