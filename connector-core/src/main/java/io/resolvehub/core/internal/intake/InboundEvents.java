package io.resolvehub.core.internal.intake;

import io.resolvehub.core.ChannelType;
import io.resolvehub.core.InboundKind;
import io.resolvehub.core.InboundMessage;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.UserRef;
import io.resolvehub.core.internal.support.Json;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.OptionalLong;

import static io.resolvehub.core.internal.support.Sql.instant;
import static io.resolvehub.core.internal.support.Sql.ts;

/**
 * The {@code inbound_events} table: durable intake and the work queue the pipeline's workers claim from.
 *
 * <p>Claiming is portable SQL: read the oldest unfinished events (see {@link #heads}), then take one candidate with a
 * conditional UPDATE (status + lease) whose row count says whether this worker won. A candidate is eligible only when
 * it is its thread's oldest unfinished event, which gives per-conversation order across any number of instances.
 */
public class InboundEvents {

    private static final String UNFINISHED = "('received','processing')";
    /** How many of the oldest unfinished events a claim looks at. */
    static final int WINDOW = 128;

    private final JdbcClient jdbc;
    /** Heads found by an earlier claim of this instance and not taken yet. */
    private final java.util.Queue<Long> keptHeads = new java.util.concurrent.ConcurrentLinkedQueue<>();

    public InboundEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores the event; empty when the channel already holds an event with its platform id (a redelivery). The
     * duplicate is skipped by the statement, not caught, so this is safe inside a transaction on PostgreSQL too.
     */
    public OptionalLong insert(InboundMessage m, Instant now) {
        return insert(m, now, "received", 0, null, null);
    }

    /**
     * Stores the event already claimed by {@code owner} until {@code leaseUntil} (its first attempt), for a caller that
     * processes it itself. Only for the head of its thread: the caller makes sure no earlier event of the thread is
     * unfinished ({@link #hasUnfinished}) while holding the conversation's lock. Empty on a redelivery.
     */
    public OptionalLong insertClaimed(InboundMessage m, Instant now, String owner, Instant leaseUntil) {
        return insert(m, now, "processing", 1, owner, leaseUntil);
    }

    private OptionalLong insert(InboundMessage m, Instant now, String status, int attempts, String owner,
                                Instant leaseUntil) {
        KeyHolder keys = new GeneratedKeyHolder();
        int inserted = jdbc.sql("""
                        insert into inbound_events (tenant_id, channel, platform_event_id, thread_key, kind, text,
                          user_id, user_name, user_email, reply_context, received_at, status, attempts, next_attempt_at,
                          lease_owner, lease_until)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict do nothing""")
                .params(m.tenant().value(), m.channel().id(), m.platformEventId(), m.threadKey(), m.kind().name(),
                        m.text(), m.user().platformId(), m.user().displayName(), m.user().email(),
                        Json.write(m.replyContext()), ts(m.receivedAt()), status, attempts, ts(now), owner,
                        leaseUntil == null ? null : ts(leaseUntil))
                .update(keys, "id");
        return inserted == 1 ? OptionalLong.of(keys.getKey().longValue()) : OptionalLong.empty();
    }

    /**
     * Takes the oldest eligible event for {@code owner} until {@code now + lease}; empty when there is none.
     *
     * <p>One look at the window finds up to eight heads; the ones this claim does not take are kept for the next
     * claims of this instance, which try them before looking again (the window's read cost most of a claim under a
     * backlog). A kept head stays a head: the events before it in its thread are finished, and finished events are
     * never taken up again. The conditional UPDATE still decides, so a head another instance took is skipped.
     */
    public Optional<StoredEvent> claim(String owner, Instant now, Duration lease) {
        for (Long id = keptHeads.poll(); id != null; id = keptHeads.poll()) {
            Optional<StoredEvent> won = tryClaim(id, owner, now, lease);
            if (won.isPresent()) {
                return won;
            }
        }
        List<Long> candidates = heads(now);
        for (int i = 0; i < candidates.size(); i++) {
            Optional<StoredEvent> won = tryClaim(candidates.get(i), owner, now, lease);
            if (won.isPresent()) {
                keptHeads.addAll(candidates.subList(i + 1, candidates.size()));
                return won;
            }
        }
        return Optional.empty();
    }

    private Optional<StoredEvent> tryClaim(long id, String owner, Instant now, Duration lease) {
        int won = jdbc.sql("""
                        update inbound_events set status = 'processing', lease_owner = ?, lease_until = ?,
                          attempts = attempts + 1
                        where id = ? and next_attempt_at <= ?
                          and (status = 'received' or (status = 'processing' and lease_until < ?))""")
                .params(owner, ts(now.plus(lease)), id, ts(now), ts(now))
                .update();
        return won == 1 ? find(id) : Optional.empty();
    }

    private record Unfinished(long id, String thread, boolean received, Instant nextAttemptAt, Instant leaseUntil) {
        boolean claimable(Instant now) {
            return !nextAttemptAt.isAfter(now) && (received || (leaseUntil != null && leaseUntil.isBefore(now)));
        }
    }

    /**
     * The claimable heads among the oldest {@link #WINDOW} unfinished events: each thread's oldest unfinished event, if
     * it is due (or its lease expired). Two index range scans (received, processing) merged by id, so the cost does
     * not grow with the backlog. Only heads may run, which keeps every thread in order across instances; a thread
     * whose head waits (processing, backing off) holds back only its own later events.
     */
    private List<Long> heads(Instant now) {
        List<Unfinished> received = unfinished("received");
        List<Unfinished> processing = unfinished("processing");
        long cutoff = Long.MAX_VALUE;
        if (received.size() == WINDOW) cutoff = received.get(WINDOW - 1).id();
        if (processing.size() == WINDOW) cutoff = Math.min(cutoff, processing.get(WINDOW - 1).id());
        List<Unfinished> window = new ArrayList<>(received.size() + processing.size());
        window.addAll(received);
        window.addAll(processing);
        window.sort(Comparator.comparingLong(Unfinished::id));
        Set<String> seenThreads = new HashSet<>();
        List<Long> heads = new ArrayList<>();
        for (Unfinished u : window) {
            if (u.id() > cutoff || heads.size() == 8) break;
            if (seenThreads.add(u.thread()) && u.claimable(now)) {
                heads.add(u.id());
            }
        }
        return heads;
    }

    private List<Unfinished> unfinished(String status) {
        return jdbc.sql("""
                        select id, tenant_id, channel, thread_key, next_attempt_at, lease_until from inbound_events
                        where status = ? order by id limit ?""")
                .params(status, WINDOW)
                .query((rs, i) -> new Unfinished(rs.getLong("id"),
                        rs.getString("tenant_id") + "\u0000" + rs.getString("channel") + "\u0000" + rs.getString("thread_key"),
                        status.equals("received"), instant(rs, "next_attempt_at"), instant(rs, "lease_until")))
                .list();
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

    /** When the oldest unfinished event was received (for monitoring). */
    public Optional<Instant> oldestUnfinishedReceivedAt() {
        return jdbc.sql("select min(received_at) as oldest from inbound_events where status in " + UNFINISHED)
                .query((rs, i) -> Optional.ofNullable(instant(rs, "oldest"))).single();
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
