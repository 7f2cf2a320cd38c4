package io.resolvehub.billing;

import io.resolvehub.core.TenantId;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The meter's invariants, checked against the database alone. */
final class LedgerInvariants {

    private LedgerInvariants() {
    }

    static void check(JdbcClient jdbc, Ledger ledger, TenantId tenant, String context) {
        Balance row = ledger.balance(tenant);
        assertThat(ledger.sumOfEntries(tenant)).as("balance row == sum of entries " + context).isEqualTo(row);
        assertThat(row.available()).as("available >= 0 " + context).isGreaterThanOrEqualTo(0);
        assertThat(row.held()).as("held >= 0 " + context).isGreaterThanOrEqualTo(0);
        assertThat(jdbc.sql("SELECT COALESCE(SUM(held_coins), 0) FROM billing_conversations WHERE tenant = ?"
                        + " AND status = 'held'").param(tenant.value()).query(Long.class).single())
                .as("held == sum of open holds " + context).isEqualTo(row.held());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM (SELECT conversation FROM billing_ledger WHERE tenant = ?"
                        + " AND entry_type = 'charge' GROUP BY conversation HAVING COUNT(*) > 1) twice")
                .param(tenant.value()).query(Long.class).single())
                .as("conversations charged more than once " + context).isZero();
        // Each conversation's holds net out to what is still held for it: its hold if open, else nothing.
        assertThat(jdbc.sql("SELECT COUNT(*) FROM billing_conversations c WHERE c.tenant = ? AND"
                        + " (CASE WHEN c.status = 'held' THEN c.held_coins ELSE 0 END) <> (SELECT COALESCE(SUM(l.held_change), 0)"
                        + " FROM billing_ledger l WHERE l.tenant = c.tenant AND l.conversation = c.conversation)")
                .param(tenant.value()).query(Long.class).single())
                .as("conversations whose held coins disagree with their entries " + context).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM billing_ledger r WHERE r.tenant = ? AND r.entry_type = 'refund'"
                        + " AND NOT EXISTS (SELECT 1 FROM billing_ledger c WHERE c.id = r.charge_id"
                        + " AND c.entry_type = 'charge' AND c.coins = r.coins)")
                .param(tenant.value()).query(Long.class).single())
                .as("refunds that do not give back exactly one charge " + context).isZero();
    }
}
