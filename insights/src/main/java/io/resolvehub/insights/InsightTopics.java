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

    /** Takes the tenant's assignment lock until the transaction ends: one instance assigns a tenant's questions at a time. */
    void lock(TenantId tenant) {
        jdbc.sql("INSERT INTO insight_assignment_locks (tenant_id) VALUES (?) ON CONFLICT DO NOTHING")
                .param(tenant.value()).update();
        jdbc.sql("SELECT tenant_id FROM insight_assignment_locks WHERE tenant_id = ? FOR UPDATE")
                .param(tenant.value()).query(String.class).single();
    }
}
