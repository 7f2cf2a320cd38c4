package io.resolvehub.billing;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Billing's view of each conversation: one row per (tenant, conversation) saying where its coins stand. Every move
 * is a conditional UPDATE from an expected status, so of two racing settlements exactly one sees "1 row updated"
 * and goes on to write ledger entries; the other does nothing. Moves of an open hold also expect its held coins, so
 * a settlement never acts on a hold that grew after it read it. The row also keeps the pricing in force when the
 * first hold was made, so a later price change never re-prices a conversation already under way.
 */
final class ConversationHolds {

    /** Where a conversation's coins stand. */
    enum Status {
        /** Coins are held for it: what a resolution after its answers so far would charge. */
        HELD,
        /** Too few coins were available: the AI did not take it. */
        REFUSED,
        /** Resolved and charged; the rest of the hold released. */
        CHARGED,
        /** Handed off: the whole hold released; a human owns it, the AI never resolves it. */
        RELEASED,
        /** Closed unresolved: the whole hold released; the user may reopen it and the AI still resolve it. */
        CLOSED,
        /** Charged, then refunded. */
        REFUNDED,
        /** Resolved without a hold and too few coins to charge it: recorded, not billed on credit. */
        UNBILLED;

        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A conversation's billing row. */
    record Row(String tenant, String conversation, String channel, Status status, long heldCoins, long baseCoins,
               long coinsPerExtraAnswer, long maxCoins) {
    }

    private final JdbcClient jdbc;

    ConversationHolds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Row> find(String tenant, String conversation) {
        return jdbc.sql("SELECT tenant, conversation, channel, status, held_coins, base_coins, coins_per_extra_answer,"
                        + " max_coins FROM billing_conversations WHERE tenant = ? AND conversation = ?")
                .params(tenant, conversation)
                .query((rs, n) -> new Row(rs.getString("tenant"), rs.getString("conversation"),
                        rs.getString("channel"), Status.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
                        rs.getLong("held_coins"), rs.getLong("base_coins"), rs.getLong("coins_per_extra_answer"),
                        rs.getLong("max_coins")))
                .optional();
    }

    /**
     * Creates the conversation's row unless one exists; true when this transaction created it and so owns the
     * first decision about it. A concurrent creator makes this wait (PostgreSQL) and then return false.
     */
    boolean claim(String tenant, String conversation, String channel, Status status, long heldCoins, Pricing pricing,
                  Instant at) {
        return jdbc.sql("INSERT INTO billing_conversations (tenant, conversation, channel, status, held_coins,"
                        + " base_coins, coins_per_extra_answer, max_coins, created_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
                .params(tenant, conversation, channel, status.wire(), heldCoins, pricing.baseCoins(),
                        pricing.coinsPerExtraAnswer(), pricing.maxCoins(), LedgerEntries.utc(at), LedgerEntries.utc(at))
                .update() == 1;
    }

    /** Sets an open hold's coins from {@code from} to {@code to}; false when it was not open or not {@code from}. */
    boolean changeHeld(String tenant, String conversation, long from, long to, Instant at) {
        return jdbc.sql("UPDATE billing_conversations SET held_coins = ?, updated_at = ?"
                        + " WHERE tenant = ? AND conversation = ? AND status = 'held' AND held_coins = ?")
                .params(to, LedgerEntries.utc(at), tenant, conversation, from)
                .update() == 1;
    }

    /** Ends an open hold of {@code heldCoins}; false when it was not open or its coins changed (someone moved it). */
    boolean moveHeld(String tenant, String conversation, long heldCoins, Status to, Instant at) {
        return jdbc.sql("UPDATE billing_conversations SET status = ?, updated_at = ?"
                        + " WHERE tenant = ? AND conversation = ? AND status = 'held' AND held_coins = ?")
                .params(to.wire(), LedgerEntries.utc(at), tenant, conversation, heldCoins)
                .update() == 1;
    }

    /** Moves the row from {@code from} to {@code to}; false when it was not in {@code from} (someone else moved it). */
    boolean move(String tenant, String conversation, Status from, Status to, Instant at) {
        return jdbc.sql("UPDATE billing_conversations SET status = ?, updated_at = ?"
                        + " WHERE tenant = ? AND conversation = ? AND status = ?")
                .params(to.wire(), LedgerEntries.utc(at), tenant, conversation, from.wire())
                .update() == 1;
    }
}
