package io.resolvehub.billing;

import io.resolvehub.core.TenantId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.OffsetDateTime;

/** Each tenant's {@link Pricing}; {@link Pricing#DEFAULT} until an admin sets one. */
public class TenantPricing {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    public TenantPricing(JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    public Pricing get(TenantId tenant) {
        return jdbc.sql("SELECT base_coins, coins_per_extra_answer, max_coins, low_balance_coins"
                        + " FROM billing_pricing WHERE tenant = ?")
                .param(tenant.value())
                .query((rs, n) -> new Pricing(rs.getLong("base_coins"), rs.getLong("coins_per_extra_answer"),
                        rs.getLong("max_coins"), rs.getLong("low_balance_coins")))
                .optional()
                .orElse(Pricing.DEFAULT);
    }

    /**
     * Replaces the tenant's pricing. Conversations already held keep the pricing of their hold.
     *
     * @throws BillingException.Invalid naming every broken rule; nothing is changed
     */
    public Pricing put(TenantId tenant, Pricing pricing) {
        var problems = pricing.violations();
        if (!problems.isEmpty()) {
            throw new BillingException.Invalid(String.join("; ", problems));
        }
        tx.executeWithoutResult(status -> {
            var at = LedgerEntries.utc(clock.instant());
            // Update, else insert; a concurrent first insert makes ours a no-op, and the update after it wins.
            if (update(tenant, pricing, at) == 0) {
                int inserted = jdbc.sql("INSERT INTO billing_pricing (tenant, base_coins, coins_per_extra_answer,"
                                + " max_coins, low_balance_coins, updated_at) VALUES (?, ?, ?, ?, ?, ?)"
                                + " ON CONFLICT DO NOTHING")
                        .params(tenant.value(), pricing.baseCoins(), pricing.coinsPerExtraAnswer(),
                                pricing.maxCoins(), pricing.lowBalanceCoins(), at)
                        .update();
                if (inserted == 0) {
                    update(tenant, pricing, at);
                }
            }
        });
        return pricing;
    }

    private int update(TenantId tenant, Pricing pricing, OffsetDateTime at) {
        return jdbc.sql("UPDATE billing_pricing SET base_coins = ?, coins_per_extra_answer = ?, max_coins = ?,"
                        + " low_balance_coins = ?, updated_at = ? WHERE tenant = ?")
                .params(pricing.baseCoins(), pricing.coinsPerExtraAnswer(), pricing.maxCoins(),
                        pricing.lowBalanceCoins(), at, tenant.value())
                .update();
    }
}
