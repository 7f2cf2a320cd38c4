package io.resolvehub.security.audit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** The admin actions recorded in {@code audit_log}, newest first. */
@Component
public class AuditLog {

    /** One recorded action; {@code tenant} null for a hub-wide one (creating a tenant). */
    public record Entry(long id, String tenant, String actor, String action, int status, String sourceIp, Instant at) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void record(String tenant, String actor, String action, int status, String sourceIp) {
        jdbc.sql("insert into audit_log (tenant_id, actor, action, status, source_ip, at) values (?, ?, ?, ?, ?, ?)")
                .params(tenant, cut(actor, 200), cut(action, 300), status, cut(sourceIp, 64), Timestamp.from(clock.instant()))
                .update();
    }

    /** A tenant's recorded actions, newest first, at most {@code limit}. */
    public List<Entry> of(String tenant, int limit) {
        return jdbc.sql("select * from audit_log where tenant_id = ? order by id desc limit ?").params(tenant, limit)
                .query((rs, row) -> new Entry(rs.getLong("id"), rs.getString("tenant_id"), rs.getString("actor"),
                        rs.getString("action"), rs.getInt("status"), rs.getString("source_ip"),
                        rs.getTimestamp("at").toInstant()))
                .list();
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
