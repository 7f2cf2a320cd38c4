package io.resolvehub.api.billing;

import io.resolvehub.api.ApiException;
import io.resolvehub.api.TenantAccess;
import io.resolvehub.billing.Ledger;
import io.resolvehub.billing.LedgerEntry;
import io.resolvehub.billing.Settlements;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * An admin's one-click dispute refund. A charge is refunded once: asking again answers 409 and changes nothing
 * (also when the charge was already refunded automatically, after a reopened assumed resolution).
 */
@RestController
class ChargesController {

    record RefundView(long refundId, long chargeId, String conversation, String channel, long coins, String reason,
                      String at, BalanceView balance) {
    }

    private final TenantAccess access;
    private final Settlements settlements;
    private final Ledger ledger;

    ChargesController(TenantAccess access, Settlements settlements, Ledger ledger) {
        this.access = access;
        this.settlements = settlements;
        this.ledger = ledger;
    }

    @PostMapping("/api/v1/tenants/{tenant}/charges/{charge}/refund")
    RefundView refund(@PathVariable String tenant, @PathVariable String charge,
                      @RequestBody(required = false) JsonNode body) {
        var id = access.require(tenant);
        long chargeId;
        try {
            chargeId = Long.parseLong(charge);
        } catch (NumberFormatException e) {
            throw ApiException.notFound("There is no charge '" + charge + "'; charge ids are the numeric ids of"
                    + " 'charge' entries in GET /api/v1/tenants/" + id + "/ledger.");
        }
        String reason = JsonBody.of(body, "reason").text("reason", Settlements.MAX_REASON);
        LedgerEntry refund = settlements.refundCharge(id, chargeId, reason);
        return new RefundView(refund.id(), chargeId, refund.conversation(), refund.channel(), refund.coins(),
                refund.reason(), refund.at().toString(), BalanceView.of(ledger.balance(id)));
    }
}
