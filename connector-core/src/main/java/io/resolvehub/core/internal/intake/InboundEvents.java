package io.resolvehub.core.internal.intake;

import io.resolvehub.core.ChannelType;
import io.resolvehub.core.InboundKind;
import io.resolvehub.core.InboundMessage;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.UserRef;
import io.resolvehub.core.internal.support.Json;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static io.resolvehub.core.internal.support.Sql.instant;
import static io.resolvehub.core.internal.support.Sql.ts;

/**
 * The {@code inbound_events} table: durable intake and the work queue the pipeline's workers claim from.
 *
 * <p>Claiming is two portable statements: read a few candidates, then take one with a conditional UPDATE (status +
 * lease) whose row count says whether this worker won. A candidate is eligible only when no earlier event of the same
 * thread is still unfinished, which gives per-conversation order across any number of instances.
 */
public class InboundEvents {

    private static final String UNFINISHED = "('received','processing')";

    private final JdbcClient jdbc;

    public InboundEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the event; empty when the channel already holds an event with its platform id. */
    public OptionalLong insert(InboundMessage m, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                            insert into inbound_events (tenant_id, channel, platform_event_id, thread_key, kind, text,
                              user_id, user_name, user_email, reply_context, received_at, status, attempts, next_attempt_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'received', 0, ?)""")
                    .params(m.tenant().value(), m.channel().id(), m.platformEventId(), m.threadKey(), m.kind().name(),
                            m.text(), m.user().platformId(), m.user().displayName(), m.user().email(),
                            Json.write(m.replyContext()), ts(m.receivedAt()), ts(now))
                    .update(keys, "id");
        } catch (DuplicateKeyException duplicate) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(keys.getKey().longValue());
    }

    /** Takes the oldest eligible event for {@code owner} until {@code now + lease}; empty when there is none. */
    public Optional<StoredEvent> claim(String owner, Instant now, Duration lease) {
        List<Long> candidates = jdbc.sql("""
                        select e.id from inbound_events e
                        where e.status in %1$s and e.next_attempt_at <= ?
                          and (e.status = 'received' or e.lease_until < ?)
                          and not exists (select 1 from inbound_events p
                                          where p.tenant_id = e.tenant_id and p.channel = e.channel
                                            and p.thread_key = e.thread_key and p.id < e.id and p.status in %1$s)
                        order by e.id
                        limit 8""".formatted(UNFINISHED))
                .params(ts(now), ts(now))
                .query(Long.class).list();
        for (long id : candidates) {
            int won = jdbc.sql("""
                            update inbound_events set status = 'processing', lease_owner = ?, lease_until = ?,
                              attempts = attempts + 1
                            where id = ? and next_attempt_at <= ?
                              and (status = 'received' or (status = 'processing' and lease_until < ?))""")
                    .params(owner, ts(now.plus(lease)), id, ts(now), ts(now))
                    .update();
            if (won == 1) {
                return find(id);
            }
        }
        return Optional.empty();
    }

    public Optional<StoredEvent> find(long id) {
        return jdbc.sql("select * from inbound_events where id = ?").param(id)
                .query(InboundEvents::map).optional();
    }

    public Optional<EventStatus> status(long id) {
        return jdbc.sql("select status from inbound_events where id = ?").param(id)
                .query(String.class).optional().map(EventStatus::fromWire);
    }

    /** Marks the event done, if this owner still holds it. */
    public boolean complete(long id, String owner, Instant now) {
        return jdbc.sql("""
                        update inbound_events set status = 'done', finished_at = ?, lease_owner = null, lease_until = null,
                          last_error = null
                        where id = ? and status = 'processing' and lease_owner = ?""")
                .params(ts(now), id, owner).update() == 1;
    }

    /** Puts the event back for another attempt at {@code retryAt}. */
    public boolean retryLater(long id, String owner, Instant retryAt, String error) {
        return jdbc.sql("""
                        update inbound_events set status = 'received', next_attempt_at = ?, lease_owner = null,
                          lease_until = null, last_error = ?
                        where id = ? and status = 'processing' and lease_owner = ?""")
                .params(ts(retryAt), truncate(error), id, owner).update() == 1;
    }

    /** Gives up on the event: it stays visible as dead in the inbox. */
    public boolean deadLetter(long id, String owner, Instant now, String error) {
        return jdbc.sql("""
                        update inbound_events set status = 'dead', finished_at = ?, lease_owner = null, lease_until = null,
                          last_error = ?
                        where id = ? and status = 'processing' and lease_owner = ?""")
                .params(ts(now), truncate(error), id, owner).update() == 1;
    }

    /** Extends the lease of an event this owner is still working on. */
    public boolean renewLease(long id, String owner, Instant until) {
        return jdbc.sql("update inbound_events set lease_until = ? where id = ? and status = 'processing' and lease_owner = ?")
                .params(ts(until), id, owner).update() == 1;
    }

    /** Whether the thread has an event still waiting or being processed (the user wrote and is not answered yet). */
    public boolean hasUnfinished(TenantId tenant, ChannelType channel, String threadKey) {
        return jdbc.sql("select count(*) from inbound_events where tenant_id = ? and channel = ? and thread_key = ? "
                        + "and status in " + UNFINISHED)
                .params(tenant.value(), channel.id(), threadKey).query(Long.class).single() > 0;
    }

    /** How many events are not finished yet (for monitoring and tests). */
    public long unfinished() {
        return jdbc.sql("select count(*) from inbound_events where status in " + UNFINISHED).query(Long.class).single();
    }

    private static String truncate(String error) {
        if (error == null) return null;
        return error.length() > 4000 ? error.substring(0, 4000) : error;
    }

    private static StoredEvent map(ResultSet rs, int row) throws SQLException {
        InboundMessage message = new InboundMessage(
                new TenantId(rs.getString("tenant_id")), new ChannelType(rs.getString("channel")),
                rs.getString("platform_event_id"), rs.getString("thread_key"),
                InboundKind.valueOf(rs.getString("kind")), rs.getString("text"),
                new UserRef(rs.getString("user_id"), rs.getString("user_name"), rs.getString("user_email")),
                Json.stringMap(rs.getString("reply_context")), instant(rs, "received_at"));
        return new StoredEvent(rs.getLong("id"), message, rs.getInt("attempts"));
    }
}
