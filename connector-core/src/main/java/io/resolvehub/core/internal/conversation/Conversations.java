package io.resolvehub.core.internal.conversation;

import io.resolvehub.core.ChannelType;
import io.resolvehub.core.ConversationId;
import io.resolvehub.core.ConversationStatus;
import io.resolvehub.core.Decision;
import io.resolvehub.core.HandoffReason;
import io.resolvehub.core.ResolutionKind;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.UserRef;
import io.resolvehub.core.channel.TicketRef;
import io.resolvehub.core.internal.support.Json;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.resolvehub.core.internal.support.Sql.instant;
import static io.resolvehub.core.internal.support.Sql.nullableDouble;
import static io.resolvehub.core.internal.support.Sql.nullableLong;
import static io.resolvehub.core.internal.support.Sql.ts;

/** The {@code conversations} table. State changes go through {@link ConversationStateMachine}. */
public class Conversations {

    private final JdbcClient jdbc;

    public Conversations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ConversationRecord> find(ConversationId id) {
        return jdbc.sql("select * from conversations where id = ?").param(id.value())
                .query(Conversations::map).optional();
    }

    /** The row, locked until the transaction ends (callers run inside one). */
    public ConversationRecord lock(ConversationId id) {
        return jdbc.sql("select * from conversations where id = ? for update").param(id.value())
                .query(Conversations::map).single();
    }

    public Optional<ConversationRecord> findByThread(TenantId tenant, ChannelType channel, String threadKey) {
        return jdbc.sql("select * from conversations where tenant_id = ? and channel = ? and thread_key = ?")
                .params(tenant.value(), channel.id(), threadKey)
                .query(Conversations::map).optional();
    }

    /**
     * The thread's conversation, created {@code open} when it is new. Safe against a concurrent creator and inside a
     * transaction on PostgreSQL: the unique thread constraint decides, the losing insert does nothing (rather than
     * fail and abort the transaction), and the loser reads the winner's row.
     *
     * @param preferredId the id to give a new conversation (the web channel knows it up front); null for a random one
     */
    public ConversationRecord findOrCreate(TenantId tenant, ChannelType channel, String threadKey, UserRef user,
                                           Map<String, String> replyContext, ConversationId preferredId, Instant now) {
        Optional<ConversationRecord> existing = findByThread(tenant, channel, threadKey);
        if (existing.isPresent()) {
            return existing.get();
        }
        ConversationId id = preferredId != null ? preferredId : ConversationId.random();
        insertIfAbsent(id, tenant, channel, threadKey, user, replyContext, now);
        return findByThread(tenant, channel, threadKey).orElseThrow();
    }

    /**
     * Stores a new open conversation of the thread; nothing when the thread has one already (a concurrent creator won):
     * the insert does nothing rather than fail, which would abort the transaction on PostgreSQL.
     */
    private void insertIfAbsent(ConversationId id, TenantId tenant, ChannelType channel, String threadKey, UserRef user,
                                Map<String, String> replyContext, Instant now) {
        jdbc.sql("""
                        insert into conversations (id, tenant_id, channel, thread_key, user_id, user_name, user_email,
                          status, reply_context, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?)
                        on conflict do nothing""")
                .params(id.value(), tenant.value(), channel.id(), threadKey, user.platformId(), user.displayName(),
                        user.email(), Json.write(replyContext), ts(now), ts(now))
                .update();
    }

    /**
     * The conversation a message that opens its thread will create, not stored yet: what the steps before the first
     * transaction need (its tenant, channel, thread, reply context, counts of zero). {@link #createOrLock} stores it.
     */
    public ConversationRecord unsaved(TenantId tenant, ChannelType channel, String threadKey, UserRef user,
                                      Map<String, String> replyContext, Instant now) {
        return new ConversationRecord(ConversationId.random(), tenant, channel, threadKey, user, ConversationStatus.OPEN,
                false, 0, 0, null, null, false, null, null, null, replyContext, null, false, now, now, null, null, null,
                null);
    }

    /**
     * Inside a transaction: stores an {@link #unsaved} conversation and returns its row, locked. When the thread's
     * conversation exists already (a concurrent creator won), the insert does nothing (rather than fail, which would
     * abort the transaction on PostgreSQL) and that conversation is returned, locked.
     */
    public ConversationRecord createOrLock(ConversationRecord unsaved) {
        insertIfAbsent(unsaved.id(), unsaved.tenant(), unsaved.channel(), unsaved.threadKey(), unsaved.user(),
                unsaved.replyContext(), unsaved.createdAt());
        return jdbc.sql("select * from conversations where tenant_id = ? and channel = ? and thread_key = ? for update")
                .params(unsaved.tenant().value(), unsaved.channel().id(), unsaved.threadKey())
                .query(Conversations::map).single();
    }

    public void recordUserMessage(ConversationId id, Map<String, String> replyContext, UserRef user, Instant at) {
        jdbc.sql("""
                        update conversations set reply_context = ?, last_user_message_at = ?, updated_at = ?,
                          user_id = coalesce(?, user_id), user_name = coalesce(?, user_name), user_email = coalesce(?, user_email)
                        where id = ?""")
                .params(Json.write(replyContext), ts(at), ts(at), user.platformId(), user.displayName(), user.email(),
                        id.value())
                .update();
    }

    public void markAiTaken(ConversationId id) {
        jdbc.sql("update conversations set ai_taken = true where id = ?").param(id.value()).update();
    }

    /** Counts an AI turn that was not a hand-off. */
    public void recordAiTurn(ConversationId id, Decision decision, double confidence, Instant at) {
        if (decision == Decision.ANSWER) {
            jdbc.sql("""
                            update conversations set ai_answers = ai_answers + 1, last_decision = ?, last_confidence = ?,
                              last_ai_answer_at = ?, updated_at = ?
                            where id = ?""")
                    .params(decision.wire(), confidence, ts(at), ts(at), id.value()).update();
        } else {
            jdbc.sql("""
                            update conversations set clarifications = clarifications + 1, last_decision = ?,
                              last_confidence = ?, updated_at = ?
                            where id = ?""")
                    .params(decision.wire(), confidence, ts(at), id.value()).update();
        }
    }

    /** Moves {@code from} → {@code to}; false when the row was not in {@code from} (someone else moved it). */
    boolean transition(ConversationId id, ConversationStatus from, ConversationStatus to, Instant at) {
        return jdbc.sql("update conversations set status = ?, updated_at = ? where id = ? and status = ?")
                .params(to.wire(), ts(at), id.value(), from.wire()).update() == 1;
    }

    void setHandoff(ConversationId id, HandoffReason reason, Long eventId, Double confidence, Instant at) {
        jdbc.sql("""
                        update conversations set handoff_reason = ?, handoff_event_id = ?, escalated_at = ?,
                          last_decision = 'handoff', last_confidence = coalesce(?, last_confidence),
                          negative_feedback = (negative_feedback or ?), reopened_after_assumed = false
                        where id = ?""")
                .params(reason.wire(), eventId, ts(at), confidence, reason == HandoffReason.NEGATIVE_FEEDBACK,
                        id.value())
                .update();
    }

    void setResolved(ConversationId id, ResolutionKind kind, Instant at) {
        jdbc.sql("update conversations set resolution_kind = ?, resolved_at = ?, reopened_after_assumed = false where id = ?")
                .params(kind == null ? null : kind.wire(), ts(at), id.value()).update();
    }

    void setReopened(ConversationId id, boolean afterAssumed) {
        jdbc.sql("update conversations set resolution_kind = null, resolved_at = null, reopened_after_assumed = ? where id = ?")
                .params(afterAssumed, id.value()).update();
    }

    void resetForAi(ConversationId id) {
        jdbc.sql("""
                        update conversations set ai_answers = 0, clarifications = 0, negative_feedback = false,
                          handoff_reason = null
                        where id = ?""")
                .param(id.value()).update();
    }

    public void storeTicket(ConversationId id, TicketRef ticket, Instant at) {
        jdbc.sql("update conversations set ticket_system = ?, ticket_id = ?, ticket_url = ?, updated_at = ? where id = ?")
                .params(ticket.system(), ticket.id(), ticket.url(), ts(at), id.value()).update();
    }

    /**
     * Open conversations whose last AI turn was an answer, given before {@code answeredBefore}, and that the user has
     * not written to since: candidates for an assumed resolution.
     */
    public List<ConversationId> silentAfterAnswer(Instant answeredBefore, int limit) {
        return jdbc.sql("""
                        select id from conversations
                        where status = 'open' and last_decision = 'answer' and ai_answers > 0 and not negative_feedback
                          and last_ai_answer_at <= ?
                          and (last_user_message_at is null or last_user_message_at <= last_ai_answer_at)
                        order by last_ai_answer_at
                        limit ?""")
                .params(ts(answeredBefore), limit)
                .query((rs, i) -> new ConversationId(rs.getString(1))).list();
    }

    /** Open conversations in which the AI only asked clarifying questions and the user went quiet. */
    public List<ConversationId> silentAfterClarifyOnly(Instant quietSince, int limit) {
        return jdbc.sql("""
                        select id from conversations
                        where status = 'open' and ai_answers = 0 and clarifications > 0 and updated_at <= ?
                        order by updated_at
                        limit ?""")
                .params(ts(quietSince), limit)
                .query((rs, i) -> new ConversationId(rs.getString(1))).list();
    }

    static ConversationRecord map(ResultSet rs, int row) throws SQLException {
        String ticketId = rs.getString("ticket_id");
        String decision = rs.getString("last_decision");
        String reason = rs.getString("handoff_reason");
        String kind = rs.getString("resolution_kind");
        return new ConversationRecord(
                new ConversationId(rs.getString("id")), new TenantId(rs.getString("tenant_id")),
                new ChannelType(rs.getString("channel")), rs.getString("thread_key"),
                new UserRef(rs.getString("user_id"), rs.getString("user_name"), rs.getString("user_email")),
                ConversationStatus.fromWire(rs.getString("status")), rs.getBoolean("ai_taken"),
                rs.getInt("ai_answers"), rs.getInt("clarifications"),
                decision == null ? null : Decision.fromWire(decision), nullableDouble(rs, "last_confidence"),
                rs.getBoolean("negative_feedback"), reason == null ? null : HandoffReason.fromWire(reason),
                nullableLong(rs, "handoff_event_id"),
                ticketId == null ? null : new TicketRef(rs.getString("ticket_system"), ticketId, rs.getString("ticket_url")),
                Json.stringMap(rs.getString("reply_context")), kind == null ? null : ResolutionKind.fromWire(kind),
                rs.getBoolean("reopened_after_assumed"), instant(rs, "created_at"), instant(rs, "updated_at"),
                instant(rs, "last_user_message_at"), instant(rs, "last_ai_answer_at"), instant(rs, "escalated_at"),
                instant(rs, "resolved_at"));
    }
}
