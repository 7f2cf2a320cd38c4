package io.resolvehub.billing;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The append-only ledger table: inserts and reads, never an UPDATE or DELETE. */
final class LedgerEntries {

    private static final String COLUMNS = "id, tenant, entry_type, coins, balance_change, held_change, idempotency_key,"
            + " conversation, channel, reason, charge_id, occurred_at";
    private static final String INSERT = "INSERT INTO billing_ledger (tenant, entry_type, coins, balance_change,"
            + " held_change, idempotency_key, conversation, channel, reason, charge_id, occurred_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final RowMapper<LedgerEntry> MAPPER = (rs, n) -> new LedgerEntry(
            rs.getLong("id"),
            rs.getString("tenant"),
            EntryType.fromWire(rs.getString("entry_type")),
            rs.getLong("coins"),
            rs.getLong("balance_change"),
            rs.getLong("held_change"),
            rs.getString("idempotency_key"),
            rs.getString("conversation"),
            rs.getString("channel"),
            rs.getString("reason"),
            rs.getObject("charge_id", Long.class),
            rs.getObject("occurred_at", OffsetDateTime.class).toInstant());

    private final JdbcClient jdbc;

    LedgerEntries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Appends an entry whose key must be new: a duplicate key is a bug upstream, and the unique constraint turns it
     * into an exception that rolls the whole transaction back rather than a second charge.
     */
    LedgerEntry append(NewEntry entry) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql(INSERT).params(entry.values()).update(keys, "id");
        return entry.withId(keys.getKeyAs(Number.class).longValue());
    }

    /** Appends an entry unless its key is already taken (by a committed or concurrent transaction). */
    Optional<LedgerEntry> appendIfAbsent(NewEntry entry) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        int inserted = jdbc.sql(INSERT + " ON CONFLICT DO NOTHING").params(entry.values()).update(keys, "id");
        return inserted == 1 ? Optional.of(entry.withId(keys.getKeyAs(Number.class).longValue())) : Optional.empty();
    }

    Optional<LedgerEntry> byKey(String tenant, String idempotencyKey) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM billing_ledger WHERE tenant = ? AND idempotency_key = ?")
                .params(tenant, idempotencyKey)
                .query(MAPPER)
                .optional();
    }

    Optional<LedgerEntry> byId(String tenant, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM billing_ledger WHERE tenant = ? AND id = ?")
                .params(tenant, id)
                .query(MAPPER)
                .optional();
    }

    List<LedgerEntry> page(String tenant, Instant from, Instant to, long afterId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM billing_ledger WHERE tenant = ? AND occurred_at >= ?"
                        + " AND occurred_at < ? AND id > ? ORDER BY id LIMIT ?")
                .params(tenant, utc(from), utc(to), afterId, limit)
                .query(MAPPER)
                .list();
    }

    /** Streams the entries in id order without holding them all in memory (the CSV export). */
    void forEach(String tenant, Instant from, Instant to, Consumer<LedgerEntry> sink) {
        try (var rows = jdbc.sql("SELECT " + COLUMNS + " FROM billing_ledger WHERE tenant = ? AND occurred_at >= ?"
                        + " AND occurred_at < ? ORDER BY id")
                .params(tenant, utc(from), utc(to))
                .query(MAPPER)
                .stream()) {
            rows.forEach(sink);
        }
    }

    List<LedgerEntry> ofTypes(String tenant, Instant from, Instant to, EntryType... types) {
        String placeholders = String.join(", ", Collections.nCopies(types.length, "?"));
        Object[] params = new Object[3 + types.length];
        params[0] = tenant;
        params[1] = utc(from);
        params[2] = utc(to);
        for (int i = 0; i < types.length; i++) {
            params[3 + i] = types[i].wire();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM billing_ledger WHERE tenant = ? AND occurred_at >= ?"
                        + " AND occurred_at < ? AND entry_type IN (" + placeholders + ") ORDER BY id")
                .params(params)
                .query(MAPPER)
                .list();
    }

    List<LedgerEntry> ofConversation(String tenant, String conversation) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM billing_ledger WHERE tenant = ? AND conversation = ? ORDER BY id")
                .params(tenant, conversation)
                .query(MAPPER)
                .list();
    }

    /** The ledger's own sums, independent of the balance row: what audits compare against it. */
    Balance sums(String tenant) {
        return jdbc.sql("SELECT COALESCE(SUM(balance_change), 0) AS b, COALESCE(SUM(held_change), 0) AS h"
                        + " FROM billing_ledger WHERE tenant = ?")
                .param(tenant)
                .query((rs, n) -> new Balance(rs.getLong("b"), rs.getLong("h")))
                .single();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** An entry before it has an id. */
    record NewEntry(String tenant, EntryType type, long coins, long balanceChange, long heldChange,
                    String idempotencyKey, String conversation, String channel, String reason, Long chargeId,
                    Instant at) {

        Object[] values() {
            return new Object[]{tenant, type.wire(), coins, balanceChange, heldChange, idempotencyKey, conversation,
                    channel, reason, chargeId, utc(at)};
        }

        LedgerEntry withId(long id) {
            return new LedgerEntry(id, tenant, type, coins, balanceChange, heldChange, idempotencyKey, conversation,
                    channel, reason, chargeId, at);
        }
    }
}
