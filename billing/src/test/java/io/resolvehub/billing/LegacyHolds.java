package io.resolvehub.billing;

import io.resolvehub.core.TenantId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * A hold as the meter made it before holds grew with the conversation: {@code maxCoins} up front, in the same rows
 * and ledger entry (key {@code hold:<conversation>}). Written with plain SQL so that the migration tests start from
 * what an upgraded database holds, not from what today's code would write.
 */
final class LegacyHolds {

    private LegacyHolds() {
    }

    /** The old {@code holdFor}: true when {@code maxCoins} were held (or had been), false when refused. */
    static boolean hold(JdbcClient jdbc, TransactionTemplate tx, TenantId tenant, String conversation, Pricing pricing,
                        Instant at) {
        String t = tenant.value();
        var when = at.atOffset(ZoneOffset.UTC);
        return Boolean.TRUE.equals(tx.execute(status -> {
            int claimed = jdbc.sql("INSERT INTO billing_conversations (tenant, conversation, channel, status,"
                            + " held_coins, base_coins, coins_per_extra_answer, max_coins, created_at, updated_at)"
                            + " VALUES (?, ?, 'slack', 'held', ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
                    .params(t, conversation, pricing.maxCoins(), pricing.baseCoins(), pricing.coinsPerExtraAnswer(),
                            pricing.maxCoins(), when, when)
                    .update();
            if (claimed == 0) {
                return !"refused".equals(jdbc.sql("SELECT status FROM billing_conversations WHERE tenant = ?"
                        + " AND conversation = ?").params(t, conversation).query(String.class).single());
            }
            boolean granted = jdbc.sql("UPDATE billing_accounts SET held = held + ? WHERE tenant = ?"
                            + " AND balance - held >= ?")
                    .params(pricing.maxCoins(), t, pricing.maxCoins()).update() == 1;
            if (granted) {
                jdbc.sql("INSERT INTO billing_ledger (tenant, entry_type, coins, balance_change, held_change,"
                                + " idempotency_key, conversation, channel, occurred_at)"
                                + " VALUES (?, 'hold', ?, 0, ?, ?, ?, 'slack', ?)")
                        .params(t, pricing.maxCoins(), pricing.maxCoins(), "hold:" + conversation, conversation, when)
                        .update();
            } else {
                jdbc.sql("UPDATE billing_conversations SET status = 'refused' WHERE tenant = ? AND conversation = ?")
                        .params(t, conversation).update();
            }
            return granted;
        }));
    }
}
