package io.resolvehub.core.internal.conversation;

import io.resolvehub.core.Answer;
import io.resolvehub.core.ChatTurn;
import io.resolvehub.core.ConversationId;
import io.resolvehub.core.Decision;
import io.resolvehub.core.HandoffReason;
import io.resolvehub.core.channel.SentParts;
import io.resolvehub.core.channel.TranscriptTurn;
import io.resolvehub.core.conversation.ConversationEventView;
import io.resolvehub.core.internal.support.Json;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;

import static io.resolvehub.core.internal.support.Sql.instant;
import static io.resolvehub.core.internal.support.Sql.nullableDouble;
import static io.resolvehub.core.internal.support.Sql.ts;

/** The transcript ({@code conversation_turns}) and the event log ({@code conversation_events}) of conversations. */
public class Transcripts {

    /** Turns a transcript holds by default before the hub stops adding to it ({@code hub.pipeline.max-turns}). */
    public static final int MAX_TURNS = 200;

    private final JdbcClient jdbc;
    private final int maxTurns;

    public Transcripts(JdbcClient jdbc) {
        this(jdbc, MAX_TURNS);
    }

    public Transcripts(JdbcClient jdbc, int maxTurns) {
        this.jdbc = jdbc;
        this.maxTurns = maxTurns;
    }

    /**
     * True when the conversation holds as many turns as a transcript may: its next message is not kept. Bounds what
     * one conversation stores, the history the agent is given and the transcript the inbox shows.
     */
    public boolean full(ConversationId conversation) {
        return jdbc.sql("select count(*) from conversation_turns where conversation_id = ?").param(conversation.value())
                .query(Long.class).single() >= maxTurns;
    }

    /**
     * Records the user's message; a second call for the same event (a re-run after a crash) does nothing. The
     * conflict is skipped by the statement itself, not caught: on PostgreSQL a failed statement aborts the
     * transaction it runs in.
     */
    public void recordUserTurn(ConversationId conversation, long eventId, String text, Instant at) {
        jdbc.sql("""
                        insert into conversation_turns (conversation_id, inbound_event_id, role, text, citations, created_at)
                        values (?, ?, 'user', ?, '[]', ?)
                        on conflict do nothing""")
                .params(conversation.value(), eventId, text, ts(at)).update();
    }

    /** Records the hub's reply to an event (not yet delivered); {@code eventId} null for a reply to no event. */
    public AssistantTurn recordAssistantTurn(ConversationId conversation, Long eventId, Answer answer, Instant at) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into conversation_turns (conversation_id, inbound_event_id, role, text, decision, confidence,
                          reason, citations, created_at)
                        values (?, ?, 'assistant', ?, ?, ?, ?, ?, ?)""")
                .params(conversation.value(), eventId, answer.text(), answer.decision().wire(), answer.confidence(),
                        answer.reason() == null ? null : answer.reason().wire(), Json.write(answer.citations()), ts(at))
                .update(keys, "id");
        return new AssistantTurn(keys.getKey().longValue(), eventId == null ? 0 : eventId, answer, null);
    }

    /** Records a person's reply from the inbox; returns the turn's id (for {@link #markDelivered}). */
    public long recordHumanTurn(ConversationId conversation, String text, Instant at) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into conversation_turns (conversation_id, role, text, citations, created_at)
                        values (?, 'human', ?, '[]', ?)""")
                .params(conversation.value(), text, ts(at))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public Optional<AssistantTurn> assistantTurnFor(long eventId) {
        return jdbc.sql("select * from conversation_turns where inbound_event_id = ? and role = 'assistant'")
                .param(eventId).query(Transcripts::mapAssistant).optional();
    }

    /**
     * How far the turn's reply got, recording each further part durably as the connector reports it; the reply's key
     * names the turn, so a connector can recognise a part an {@code interrupted} attempt posted without recording it.
     */
    public SentParts sentParts(long turnId, boolean interrupted) {
        return recorded(turnId, (count, lastId) -> resumedParts(turnId, interrupted, count, lastId,
                (sent, id) -> recordParts(turnId, sent, id)));
    }

    /** {@link #sentParts} for a reply whose last part is recorded with its delivery mark ({@link ReplyProgress}). */
    public ReplyProgress replyProgress(long turnId, boolean interrupted) {
        return recorded(turnId, (count, lastId) -> new ReplyProgress(turnId, interrupted, count, lastId,
                (sent, id) -> recordParts(turnId, sent, id)));
    }

    /** The parts of a turn's reply posted so far, under the reply's key, which names the turn. */
    static SentParts resumedParts(long turnId, boolean interrupted, int count, String lastId,
                                  BiConsumer<Integer, String> recorder) {
        return SentParts.resuming("resolvehub-turn-" + turnId, interrupted, count, lastId, recorder);
    }

    /** What the turn's row says its reply posted: how many parts, and the last one's platform id. */
    private <T> T recorded(long turnId, BiFunction<Integer, String, T> resume) {
        return jdbc.sql("select parts_sent, platform_message_id from conversation_turns where id = ?").param(turnId)
                .query((rs, row) -> resume.apply(rs.getInt("parts_sent"), rs.getString("platform_message_id")))
                .single();
    }

    private void recordParts(long turnId, int count, String platformMessageId) {
        jdbc.sql("update conversation_turns set parts_sent = ?, platform_message_id = ? where id = ?")
                .params(count, platformMessageId, turnId).update();
    }

    /** Marks the reply delivered with every part it posted, the last one included. */
    public void markDelivered(ReplyProgress progress, String finalText, String platformMessageId, Instant at) {
        jdbc.sql("""
                        update conversation_turns set text = coalesce(?, text), parts_sent = ?, platform_message_id = ?,
                          delivered_at = ?
                        where id = ?""")
                .params(finalText, progress.count(), platformMessageId, ts(at), progress.turnId()).update();
    }

    public void markDelivered(long turnId, String finalText, String platformMessageId, Instant at) {
        jdbc.sql("update conversation_turns set text = coalesce(?, text), platform_message_id = ?, delivered_at = ? where id = ?")
                .params(finalText, platformMessageId, ts(at), turnId).update();
    }

    /** The whole transcript, oldest first. */
    public List<TranscriptTurn> transcript(ConversationId conversation) {
        return jdbc.sql("select * from conversation_turns where conversation_id = ? order by id")
                .param(conversation.value())
                .query((rs, i) -> {
                    String decision = rs.getString("decision");
                    return new TranscriptTurn(ChatTurn.Role.fromWire(rs.getString("role")), rs.getString("text"),
                            decision == null ? null : Decision.fromWire(decision), nullableDouble(rs, "confidence"),
                            Json.citations(rs.getString("citations")), instant(rs, "created_at"));
                }).list();
    }

    /** The turns before the given event's user turn, as history for the agent. */
    public List<ChatTurn> historyBefore(ConversationId conversation, long eventId) {
        return jdbc.sql("""
                        select role, text from conversation_turns
                        where conversation_id = ? and (inbound_event_id is null or inbound_event_id < ?)
                        order by id""")
                .params(conversation.value(), eventId)
                .query((rs, i) -> new ChatTurn(ChatTurn.Role.fromWire(rs.getString("role")), rs.getString("text")))
                .list();
    }

    public void recordEvent(ConversationId conversation, String type, String reason, String detail, Instant at) {
        jdbc.sql("insert into conversation_events (conversation_id, type, reason, detail, at) values (?, ?, ?, ?, ?)")
                .params(conversation.value(), type, reason, detail, ts(at)).update();
    }

    public List<ConversationEventView> events(ConversationId conversation) {
        return jdbc.sql("select type, reason, detail, at from conversation_events where conversation_id = ? order by id")
                .param(conversation.value())
                .query((rs, i) -> new ConversationEventView(rs.getString("type"), rs.getString("reason"),
                        rs.getString("detail"), instant(rs, "at")))
                .list();
    }

    private static AssistantTurn mapAssistant(ResultSet rs, int row) throws SQLException {
        Decision decision = Decision.fromWire(rs.getString("decision"));
        String reason = rs.getString("reason");
        Answer answer = new Answer(decision, rs.getString("text"), rs.getDouble("confidence"),
                Json.citations(rs.getString("citations")), reason == null ? null : HandoffReason.fromWire(reason));
        return new AssistantTurn(rs.getLong("id"), rs.getLong("inbound_event_id"), answer, instant(rs, "delivered_at"));
    }
}
