package io.resolvehub.insights;

import io.resolvehub.core.TenantId;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import static io.resolvehub.insights.InsightQuestions.ts;

/** The {@code insight_digest_settings} table, with each tenant's next due time. */
class DigestSettingsStore {

    /** A tenant whose scheduled digest is due. */
    record Due(TenantId tenant, DigestSettings settings, Instant dueAt) {
    }

    private final JdbcClient jdbc;

    DigestSettingsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<DigestSettings> find(TenantId tenant) {
        return jdbc.sql("SELECT schedule, channel, target, time_zone FROM insight_digest_settings WHERE tenant_id = ?")
                .param(tenant.value())
                .query((rs, n) -> new DigestSettings(rs.getString("schedule"), rs.getString("channel"),
                        rs.getString("target"), rs.getString("time_zone")))
                .optional();
    }

    /** Creates or replaces the tenant's settings; the next digest is due at {@code nextDue}. */
    void save(TenantId tenant, DigestSettings settings, Instant nextDue, Instant now) {
        int updated = jdbc.sql("UPDATE insight_digest_settings SET schedule = ?, channel = ?, target = ?, time_zone = ?,"
                        + " next_due_at = ?, updated_at = ? WHERE tenant_id = ?")
                .params(settings.schedule(), settings.channel(), settings.target(), settings.timeZone(), ts(nextDue),
                        ts(now), tenant.value())
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO insight_digest_settings (tenant_id, schedule, channel, target, time_zone, next_due_at,"
                            + " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
                    .params(tenant.value(), settings.schedule(), settings.channel(), settings.target(),
                            settings.timeZone(), ts(nextDue), ts(now))
                    .update();
        }
    }

    List<Due> due(Instant now) {
        return jdbc.sql("SELECT tenant_id, schedule, channel, target, time_zone, next_due_at FROM insight_digest_settings"
                        + " WHERE next_due_at <= ? ORDER BY next_due_at")
                .param(ts(now))
                .query((rs, n) -> new Due(new TenantId(rs.getString("tenant_id")),
                        new DigestSettings(rs.getString("schedule"), rs.getString("channel"), rs.getString("target"),
                                rs.getString("time_zone")),
                        rs.getObject("next_due_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    /** Moves the due time on, unless another instance (or a settings change) already did. */
    boolean advance(TenantId tenant, Instant from, Instant to) {
        return jdbc.sql("UPDATE insight_digest_settings SET next_due_at = ? WHERE tenant_id = ? AND next_due_at = ?")
                .params(ts(to), tenant.value(), ts(from)).update() == 1;
    }
}
