package io.resolvehub.api.billing;

import io.resolvehub.api.TenantAccess;
import io.resolvehub.billing.Ledger;
import io.resolvehub.billing.TopUps;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** A tenant's balance, and top-ups idempotent on their {@code reference}. */
@RestController
@RequestMapping("/api/v1/tenants/{tenant}")
class BalanceController {

    private final TenantAccess access;
    private final Ledger ledger;
    private final TopUps topUps;

    BalanceController(TenantAccess access, Ledger ledger, TopUps topUps) {
        this.access = access;
        this.ledger = ledger;
        this.topUps = topUps;
    }

    @GetMapping("/balance")
    BalanceView balance(@PathVariable String tenant) {
        return BalanceView.of(ledger.balance(access.require(tenant)));
    }

    /** Same reference and coins again: the same top-up, not credited twice (200 either way); other coins: 409. */
    @PostMapping("/topups")
    BalanceView topUp(@PathVariable String tenant, @RequestBody(required = false) JsonNode body) {
        var id = access.require(tenant);
        var json = JsonBody.of(body, "coins", "reference");
        long coins = json.wholeNumber("coins");
        String reference = json.text("reference", 200);
        return BalanceView.of(topUps.topUp(id, coins, reference).balance());
    }
}
