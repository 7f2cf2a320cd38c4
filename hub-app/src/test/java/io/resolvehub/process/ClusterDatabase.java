package io.resolvehub.process;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Read-only looks into the PostgreSQL database the hub instances share: what became of the inbound events, the
 * conversations and the coin ledger, read the way an operator would check them after an incident.
 */
final class ClusterDatabase {

    /** One charge in the ledger, with the conversation's place (Slack {@code channel:thread}, Zendesk ticket id). */
    record Charge(String channel, String threadKey, long coins, String reason) {
    }

    /** The ledger's sums beside the account row kept equal to them. */
    record Ledger(long balance, long held, long sumOfBalanceChanges, long sumOfHeldChanges, long toppedUp,
                  long charged, long conversationsWithCoinsStillHeld) {
    }

    private final String url;
    private final String tenant;

    ClusterDatabase(String jdbcUrl, String tenant) {
        this.url = jdbcUrl;
        this.tenant = tenant;
    }

    /** The hub's JDBC url from its {@code --spring.datasource.url=} argument. */
    static String urlIn(String[] arguments) {
        for (String argument : arguments) {
            if (argument.startsWith("--spring.datasource.url=")) {
                return argument.substring("--spring.datasource.url=".length());
            }
        }
        throw new IllegalArgumentException("no --spring.datasource.url among the hub's arguments");
    }

    /** Inbound events by status ({@code received}, {@code processing}, {@code done}, {@code dead}). */
    Map<String, Long> eventsByStatus() {
        Map<String, Long> counts = new LinkedHashMap<>();
        query("select status, count(*) from inbound_events where tenant_id = ? group by status order by status",
                rs -> counts.put(rs.getString(1), rs.getLong(2)));
        return counts;
    }

    /** Events that took more than one attempt: among them those a killed instance had claimed. */
    long eventsAttemptedMoreThanOnce() {
        return single("select count(*) from inbound_events where tenant_id = ? and attempts > 1");
    }

    long openConversations() {
        return single("select count(*) from conversations where tenant_id = ? and status = 'open'");
    }

    /** Conversations by how they ended: their status, with the hand-off reason or resolution kind. */
    Map<String, Long> conversationOutcomes() {
        Map<String, Long> counts = new LinkedHashMap<>();
        query("select status || coalesce(' ' || handoff_reason, '') || coalesce(' ' || resolution_kind, ''), count(*)"
                        + " from conversations where tenant_id = ? group by 1 order by 1",
                rs -> counts.put(rs.getString(1), rs.getLong(2)));
        return counts;
    }

    List<Charge> charges() {
        List<Charge> charges = new ArrayList<>();
        query("select c.channel, c.thread_key, l.coins, l.reason from billing_ledger l"
                        + " left join conversations c on c.id = l.conversation"
                        + " where l.tenant = ? and l.entry_type = 'charge' order by l.id",
                rs -> charges.add(new Charge(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4))));
        return charges;
    }

    Ledger ledger() {
        long[] account = new long[2];
        query("select balance, held from billing_accounts where tenant = ?", rs -> {
            account[0] = rs.getLong(1);
            account[1] = rs.getLong(2);
        });
        return new Ledger(account[0], account[1],
                single("select coalesce(sum(balance_change), 0) from billing_ledger where tenant = ?"),
                single("select coalesce(sum(held_change), 0) from billing_ledger where tenant = ?"),
                single("select coalesce(sum(coins), 0) from billing_ledger where tenant = ? and entry_type = 'topup'"),
                single("select coalesce(sum(coins), 0) from billing_ledger where tenant = ? and entry_type = 'charge'"),
                single("select count(*) from (select conversation from billing_ledger where tenant = ?"
                        + " and conversation is not null group by conversation having sum(held_change) <> 0) held"));
    }

    private long single(String sql) {
        List<Long> value = new ArrayList<>();
        query(sql, rs -> value.add(rs.getLong(1)));
        return value.getFirst();
    }

    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String sql, Row row) {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
             var statement = connection.prepareStatement(sql)) {
            statement.setString(1, tenant);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    row.read(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the shared database: " + sql, e);
        }
    }
}
