package io.resolvehub.insights;

import io.resolvehub.core.TenantId;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The {@code insight_questions} table: one opening question per conversation, its vector, topic and outcome. */
class InsightQuestions {

    /**
     * A question still waiting for its topic; {@code vector} is null until embedded, {@code citedDocument} is null when
     * its first reply cited none (see {@link #citedDocument}).
     */
    record Pending(String conversationId, String question, float[] vector, String citedDocument) {
    }

    private final JdbcClient jdbc;

    InsightQuestions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Keeps the first question of a conversation and the hub's reply, with the question's vector when it is at hand
     * (null otherwise: {@link #storeVector} adds it later); later questions, and a re-run, change nothing.
     */
    void recordAsked(TenantId tenant, String conversationId, String channel, String question, Instant at,
                     Outcome outcome, Reply reply, float[] vector) {
        jdbc.sql("INSERT INTO insight_questions (conversation_id, tenant_id, channel, question, asked_at, outcome,"
                        + " handoff_reason, negative_feedback, reply_decision, reply_confidence, reply_reason,"
                        + " reply_source_id, reply_source_title, vector) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT DO NOTHING")
                .params(conversationId, tenant.value(), channel, question, ts(at), outcome.wire(), reply.reason(),
                        "negative_feedback".equals(reply.reason()), reply.decision(), reply.confidence(), reply.reason(),
                        reply.sourceId(), reply.sourceTitle(), vector == null ? null : Vectors.toBytes(vector))
                .update();
    }

    /** What the hub answered, as a recheck shows it. */
    record Reply(String decision, double confidence, String reason, String sourceId, String sourceTitle) {
    }

    /** The gap's questions (of topic {@code topicId}) asked in {@code [from, to)} with the hub's first reply, newest first. */
    List<Asked> gapQuestions(TenantId tenant, long topicId, Instant from, Instant to) {
        return jdbc.sql("SELECT conversation_id, question, asked_at, topic_id, outcome, handoff_reason, negative_feedback,"
                        + " reply_decision, reply_confidence, reply_reason, reply_source_id, reply_source_title"
                        + " FROM insight_questions WHERE tenant_id = ? AND topic_id = ? AND asked_at >= ? AND asked_at < ?"
                        + " ORDER BY asked_at DESC, conversation_id")
                .params(tenant.value(), topicId, ts(from), ts(to))
                .query((rs, n) -> new Asked(asked(rs, n), rs.getString("reply_decision") == null ? null
                        : new Reply(rs.getString("reply_decision"), rs.getDouble("reply_confidence"),
                        rs.getString("reply_reason"), rs.getString("reply_source_id"), rs.getString("reply_source_title"))))
                .list();
    }

    /** A question with the reply it got (null for questions kept before replies were). */
    record Asked(AskedQuestion question, Reply reply) {
    }

    void recordOutcome(String conversationId, Outcome outcome, String handoffReason) {
        jdbc.sql("UPDATE insight_questions SET outcome = ?, handoff_reason = ?,"
                        + " negative_feedback = (negative_feedback OR ?) WHERE conversation_id = ?")
                .params(outcome.wire(), handoffReason, "negative_feedback".equals(handoffReason), conversationId)
                .update();
    }

    /** Whether {@code question} is the conversation's kept opening question and still has no vector. */
    boolean waitsForVector(String conversationId, String question) {
        return jdbc.sql("SELECT question FROM insight_questions WHERE conversation_id = ? AND vector IS NULL")
                .param(conversationId).query(String.class).optional().filter(question::equals).isPresent();
    }

    /** Stores the vector of a question that has none yet. */
    void storeVector(String conversationId, float[] vector) {
        jdbc.sql("UPDATE insight_questions SET vector = ? WHERE conversation_id = ? AND vector IS NULL")
                .params(Vectors.toBytes(vector), conversationId).update();
    }

    void assign(String conversationId, long topicId) {
        jdbc.sql("UPDATE insight_questions SET topic_id = ? WHERE conversation_id = ?")
                .params(topicId, conversationId).update();
    }

    /** The oldest questions of the tenant without a topic, at most {@code limit}. */
    List<Pending> pending(TenantId tenant, int limit) {
        return jdbc.sql("SELECT conversation_id, question, vector, reply_source_id, reply_source_title FROM insight_questions"
                        + " WHERE tenant_id = ? AND topic_id IS NULL ORDER BY asked_at, conversation_id LIMIT ?")
                .params(tenant.value(), limit)
                .query((rs, n) -> {
                    byte[] bytes = rs.getBytes("vector");
                    return new Pending(rs.getString("conversation_id"), rs.getString("question"),
                            bytes == null ? null : Vectors.fromBytes(bytes),
                            citedDocument(rs.getString("reply_source_id"), rs.getString("reply_source_title")));
                })
                .list();
    }

    /**
     * For each of the tenant's topics, how many of its questions' first replies cited each document: what
     * {@link TopicClustering} compares a new question's cited document with.
     */
    Map<Long, Map<String, Integer>> citedDocumentsByTopic(TenantId tenant) {
        Map<Long, Map<String, Integer>> documents = new HashMap<>();
        jdbc.sql("SELECT topic_id, reply_source_id, reply_source_title, COUNT(*) FROM insight_questions"
                        + " WHERE tenant_id = ? AND topic_id IS NOT NULL AND reply_source_title IS NOT NULL"
                        + " GROUP BY topic_id, reply_source_id, reply_source_title")
                .param(tenant.value())
                .query((RowCallbackHandler) rs -> {
                    String document = citedDocument(rs.getString(2), rs.getString(3));
                    if (document != null) {
                        documents.computeIfAbsent(rs.getLong(1), t -> new HashMap<>()).put(document, rs.getInt(4));
                    }
                });
        return documents;
    }

    /**
     * The document a reply cited, named by its knowledge source and title (a citation's source is the connection the
     * passage came from, its title the document's); null without a title.
     */
    static String citedDocument(String sourceId, String title) {
        return title == null ? null : (sourceId == null ? "" : sourceId) + "\n" + title;
    }

    /** The newest questions of a topic, at most {@code limit}. */
    List<String> latestOfTopic(TenantId tenant, long topicId, int limit) {
        return jdbc.sql("SELECT question FROM insight_questions WHERE tenant_id = ? AND topic_id = ?"
                        + " ORDER BY asked_at DESC, conversation_id LIMIT ?")
                .params(tenant.value(), topicId, limit).query(String.class).list();
    }

    /** Tenants with questions waiting for a topic. */
    List<TenantId> tenantsWithPending() {
        return jdbc.sql("SELECT DISTINCT tenant_id FROM insight_questions WHERE topic_id IS NULL")
                .query((rs, n) -> new TenantId(rs.getString(1))).list();
    }

    /** The tenant's questions asked in {@code [from, to)}, oldest first. */
    List<AskedQuestion> askedBetween(TenantId tenant, Instant from, Instant to) {
        return jdbc.sql("SELECT conversation_id, question, asked_at, topic_id, outcome, handoff_reason, negative_feedback"
                        + " FROM insight_questions WHERE tenant_id = ? AND asked_at >= ? AND asked_at < ?"
                        + " ORDER BY asked_at, conversation_id")
                .params(tenant.value(), ts(from), ts(to))
                .query(InsightQuestions::asked)
                .list();
    }

    /**
     * How many of the tenant's questions asked in {@code [from, to)} each topic has (questions without a topic left
     * out): the previous period of a report needs only its counts, not its questions.
     */
    Map<Long, Integer> countsByTopic(TenantId tenant, Instant from, Instant to) {
        Map<Long, Integer> counts = new HashMap<>();
        jdbc.sql("SELECT topic_id, COUNT(*) FROM insight_questions WHERE tenant_id = ? AND asked_at >= ? AND asked_at < ?"
                        + " AND topic_id IS NOT NULL GROUP BY topic_id")
                .params(tenant.value(), ts(from), ts(to))
                .query((RowCallbackHandler) rs -> counts.put(rs.getLong(1), rs.getInt(2)));
        return counts;
    }

    private static AskedQuestion asked(ResultSet rs, int row) throws SQLException {
        long topic = rs.getLong("topic_id");
        Long topicId = rs.wasNull() ? null : topic;
        return new AskedQuestion(rs.getString("conversation_id"), rs.getString("question"),
                rs.getObject("asked_at", OffsetDateTime.class).toInstant(), topicId,
                Outcome.ofWire(rs.getString("outcome")), rs.getString("handoff_reason"),
                rs.getBoolean("negative_feedback"));
    }

    static OffsetDateTime ts(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
