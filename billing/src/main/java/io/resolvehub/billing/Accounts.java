package io.resolvehub.billing;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Optional;

/**
 * The per-tenant balance row, kept equal to the ledger's sums in the same transaction as each entry. Every change that
 * could lower {@code balance - held} is a conditional UPDATE, and a CHECK constraint backs it, so no interleaving of
 * transactions can overdraw a tenant on either database.
 */
final class Accounts {

    private final JdbcClient jdbc;

    Accounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Balance> find(String tenant) {
        return jdbc.sql("SELECT balance, held FROM billing_accounts WHERE tenant = ?")
                .param(tenant)
                .query((rs, n) -> new Balance(rs.getLong("balance"), rs.getLong("held")))
                .optional();
    }

    /** Creates the tenant's row at zero if it has none; safe to race. */
    void ensure(String tenant) {
        jdbc.sql("INSERT INTO billing_accounts (tenant, balance, held) VALUES (?, 0, 0) ON CONFLICT DO NOTHING")
                .param(tenant)
                .update();
    }

    /** Sets {@code coins} aside when at least that many are available; false (and nothing changed) otherwise. */
    boolean tryHold(String tenant, long coins) {
        return jdbc.sql("UPDATE billing_accounts SET held = held + ? WHERE tenant = ? AND balance - held >= ?")
                .params(coins, tenant, coins)
                .update() == 1;
    }

    /** Takes {@code coins} straight from the available coins when that many are available. */
    boolean tryDebit(String tenant, long coins) {
        return jdbc.sql("UPDATE billing_accounts SET balance = balance - ? WHERE tenant = ? AND balance - held >= ?")
                .params(coins, tenant, coins)
                .update() == 1;
    }

    /** Adds coins to the balance; the row must exist ({@link #ensure}). */
    void credit(String tenant, long coins) {
        requireOneRow(jdbc.sql("UPDATE billing_accounts SET balance = balance + ? WHERE tenant = ?")
                .params(coins, tenant)
                .update(), tenant);
    }

    /** Settles a hold: the charge leaves both balance and held, the rest of the hold is released. */
    void settle(String tenant, long charged, long hold) {
        requireOneRow(jdbc.sql("UPDATE billing_accounts SET balance = balance - ?, held = held - ? WHERE tenant = ?")
                .params(charged, hold, tenant)
                .update(), tenant);
    }

    void release(String tenant, long coins) {
        requireOneRow(jdbc.sql("UPDATE billing_accounts SET held = held - ? WHERE tenant = ?")
                .params(coins, tenant)
                .update(), tenant);
    }

    private static void requireOneRow(int updated, String tenant) {
        if (updated != 1) {
            // A hold or charge exists only after the row was created; a missing row means the tables disagree.
            throw new IllegalStateException("billing account of tenant " + tenant + " is missing");
        }
    }
}
