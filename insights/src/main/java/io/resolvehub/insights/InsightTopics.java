package io.resolvehub.insights;

import io.resolvehub.core.TenantId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The {@code insight_topics} table: a tenant's topics, each the running sum of its members' vectors. */
class InsightTopics {

    /** A topic; {@code vectorSum} points at its centroid. */
    record Topic(long id, float[] vectorSum, int members) {
    }

    private final JdbcClient jdbc;

    InsightTopics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Topic> all(TenantId tenant) {
        return jdbc.sql("SELECT id, vector_sum, members FROM insight_topics WHERE tenant_id = ? ORDER BY id")
                .param(tenant.value())
                .query((rs, n) -> new Topic(rs.getLong("id"), Vectors.fromBytes(rs.getBytes("vector_sum")),
                        rs.getInt("members")))
                .list();
    }

    Map<Long, Topic> byId(TenantId tenant) {
        return all(tenant).stream().collect(Collectors.toMap(Topic::id, Function.identity()));
    }

    long create(TenantId tenant, float[] vector, Instant at) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO insight_topics (tenant_id, vector_sum, members, created_at) VALUES (?, ?, 1, ?)")
                .params(tenant.value(), Vectors.toBytes(vector), InsightQuestions.ts(at))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void update(Topic topic) {
        jdbc.sql("UPDATE insight_topics SET vector_sum = ?, members = ? WHERE id = ?")
                .params(Vectors.toBytes(topic.vectorSum()), topic.members(), topic.id()).update();
    }

    /** A topic to (re)name: it has {@code members} questions. */
    record ToName(long id, TenantId tenant, int members) {
    }

    /**
     * Topics of at least {@code minMembers} questions that a language model has not named yet, or not since they
     * doubled; the largest first, at most {@code limit}.
     */
    List<ToName> toName(int minMembers, int limit) {
        return jdbc.sql("SELECT id, tenant_id, members FROM insight_topics WHERE members >= ?"
                        + " AND (llm_label_members IS NULL OR members >= 2 * llm_label_members)"
                        + " ORDER BY members DESC, id LIMIT ?")
                .params(minMembers, limit)
                .query((rs, n) -> new ToName(rs.getLong("id"), new TenantId(rs.getString("tenant_id")), rs.getInt("members")))
                .list();
    }

    /** Keeps the model's name of a topic of {@code members} questions; a null name keeps the terms until it doubles. */
    void storeLabel(long id, String label, int members) {
        jdbc.sql("UPDATE insight_topics SET llm_label = ?, llm_label_members = ? WHERE id = ?")
                .params(label, members, id).update();
    }

    /** The names a language model gave the tenant's topics, by topic id. */
    Map<Long, String> labels(TenantId tenant) {
        return jdbc.sql("SELECT id, llm_label FROM insight_topics WHERE tenant_id = ? AND llm_label IS NOT NULL")
                .param(tenant.value())
                .query((rs, n) -> Map.entry(rs.getLong("id"), rs.getString("llm_label")))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Takes the tenant's assignment lock until the transaction ends: one instance assigns a tenant's questions at a time. */
    void lock(TenantId tenant) {
        jdbc.sql("INSERT INTO insight_assignment_locks (tenant_id) VALUES (?) ON CONFLICT DO NOTHING")
                .param(tenant.value()).update();
        jdbc.sql("SELECT tenant_id FROM insight_assignment_locks WHERE tenant_id = ? FOR UPDATE")
                .param(tenant.value()).query(String.class).single();
    }
}
