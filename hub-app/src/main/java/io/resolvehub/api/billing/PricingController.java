package io.resolvehub.api.billing;

import io.resolvehub.api.TenantAccess;
import io.resolvehub.billing.Pricing;
import io.resolvehub.billing.TenantPricing;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** A tenant's pricing; PUT replaces all four values at once, or (any value invalid) none of them. */
@RestController
@RequestMapping("/api/v1/tenants/{tenant}/pricing")
class PricingController {

    record PricingView(long baseCoins, long coinsPerExtraAnswer, long maxCoins, long lowBalanceCoins) {
        static PricingView of(Pricing p) {
            return new PricingView(p.baseCoins(), p.coinsPerExtraAnswer(), p.maxCoins(), p.lowBalanceCoins());
        }
    }

    private final TenantAccess access;
    private final TenantPricing pricing;

    PricingController(TenantAccess access, TenantPricing pricing) {
        this.access = access;
        this.pricing = pricing;
    }

    @GetMapping
    PricingView get(@PathVariable String tenant) {
        return PricingView.of(pricing.get(access.require(tenant)));
    }

    @PutMapping
    PricingView put(@PathVariable String tenant, @RequestBody(required = false) JsonNode body) {
        var id = access.require(tenant);
        var json = JsonBody.of(body, "baseCoins", "coinsPerExtraAnswer", "maxCoins", "lowBalanceCoins");
        var wanted = new Pricing(json.wholeNumber("baseCoins"), json.wholeNumber("coinsPerExtraAnswer"),
                json.wholeNumber("maxCoins"), json.wholeNumber("lowBalanceCoins"));
        return PricingView.of(pricing.put(id, wanted));
    }
}
