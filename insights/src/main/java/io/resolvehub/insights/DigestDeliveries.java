package io.resolvehub.insights;

import io.resolvehub.core.TenantId;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import static io.resolvehub.insights.InsightQuestions.ts;

/**
 * The {@code insight_digest_deliveries} table: an outbox of digests. A row is claimed before it is sent (a conditional
 * update, so one instance sends it), and a failed send is tried again later until it gives up.
 */
class DigestDeliveries {

    private static final String COLUMNS = "id, tenant_id, period_key, period_from, period_to, channel, target, status,"
            + " attempts, last_error, created_at, sent_at";

    private final JdbcClient jdbc;

    DigestDeliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Queues a digest for the period; the same tenant and period key again queues nothing. Returns its id if new. */
    Optional<Long> enqueue(TenantId tenant, String periodKey, Instant from, Instant to, String channel, String target,
                           Instant now) {
        int inserted = jdbc.sql("INSERT INTO insight_digest_deliveries (tenant_id, period_key, period_from, period_to,"
                        + " channel, target, status, attempts, next_attempt_at, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?) ON CONFLICT DO NOTHING")
                .params(tenant.value(), periodKey, ts(from), ts(to), channel, target, ts(now), ts(now))
                .update();
        if (inserted == 0) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT id FROM insight_digest_deliveries WHERE tenant_id = ? AND period_key = ?")
                .params(tenant.value(), periodKey).query(Long.class).optional();
    }

    /** Deliveries due for an attempt now (pending, or claimed by an instance that did not finish in time). */
    List<Long> due(Instant now, int limit) {
        return jdbc.sql("SELECT id FROM insight_digest_deliveries WHERE (status = 'pending' AND next_attempt_at <= ?)"
                        + " OR (status = 'sending' AND claimed_until < ?) ORDER BY id LIMIT ?")
                .params(ts(now), ts(now), limit).query(Long.class).list();
    }

    /** Claims the delivery for one attempt; empty when another instance has it or it is no longer due. */
    Optional<DigestDelivery> claim(long id, Instant now, Duration lease) {
        int claimed = jdbc.sql("UPDATE insight_digest_deliveries SET status = 'sending', claimed_until = ?,"
                        + " attempts = attempts + 1 WHERE id = ? AND ((status = 'pending' AND next_attempt_at <= ?)"
                        + " OR (status = 'sending' AND claimed_until < ?))")
                .params(ts(now.plus(lease)), id, ts(now), ts(now)).update();
        return claimed == 1 ? find(id) : Optional.empty();
    }

    void markSent(long id, Instant now) {
        jdbc.sql("UPDATE insight_digest_deliveries SET status = 'sent', sent_at = ?, claimed_until = NULL,"
                + " last_error = NULL WHERE id = ?").params(ts(now), id).update();
    }

    /** Another attempt at {@code retryAt}, or, when null, given up for good. */
    void markFailed(long id, String error, Instant retryAt) {
        String shortError = error.length() > 2000 ? error.substring(0, 2000) : error;
        if (retryAt == null) {
            jdbc.sql("UPDATE insight_digest_deliveries SET status = 'failed', claimed_until = NULL, last_error = ?"
                    + " WHERE id = ?").params(shortError, id).update();
        } else {
            jdbc.sql("UPDATE insight_digest_deliveries SET status = 'pending', next_attempt_at = ?, claimed_until = NULL,"
                    + " last_error = ? WHERE id = ?").params(ts(retryAt), shortError, id).update();
        }
    }

    Optional<DigestDelivery> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM insight_digest_deliveries WHERE id = ?").param(id)
                .query(DigestDeliveries::delivery).optional();
    }

    /** The tenant's latest deliveries, newest first. */
    List<DigestDelivery> recent(TenantId tenant, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM insight_digest_deliveries WHERE tenant_id = ? ORDER BY id DESC LIMIT ?")
                .params(tenant.value(), limit).query(DigestDeliveries::delivery).list();
    }

    private static DigestDelivery delivery(ResultSet rs, int row) throws SQLException {
        OffsetDateTime sent = rs.getObject("sent_at", OffsetDateTime.class);
        return new DigestDelivery(rs.getLong("id"), rs.getString("tenant_id"), rs.getString("period_key"),
                rs.getObject("period_from", OffsetDateTime.class).toInstant(),
                rs.getObject("period_to", OffsetDateTime.class).toInstant(), rs.getString("channel"),
                rs.getString("target"), rs.getString("status"), rs.getInt("attempts"), rs.getString("last_error"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), sent == null ? null : sent.toInstant());
    }
}
