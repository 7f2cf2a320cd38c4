package io.resolvehub.core.internal.policy;

import io.resolvehub.core.TenantId;
import io.resolvehub.core.conversation.HandoffPolicies;
import io.resolvehub.core.conversation.HandoffPolicy;
import io.resolvehub.core.internal.support.Json;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.List;

import static io.resolvehub.core.internal.support.Sql.ts;

/** Hand-off policies in {@code handoff_policies}; a tenant without a row gets {@link HandoffPolicy#defaults()}. */
public class JdbcHandoffPolicies implements HandoffPolicies {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    public JdbcHandoffPolicies(JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public HandoffPolicy get(TenantId tenant) {
        return jdbc.sql("select * from handoff_policies where tenant_id = ?").param(tenant.value())
                .query((rs, i) -> new HandoffPolicy(rs.getDouble("confidence_threshold"), rs.getInt("max_ai_turns"),
                        Json.strings(rs.getString("human_phrases")), rs.getBoolean("clarify_first")))
                .optional().orElseGet(HandoffPolicy::defaults);
    }

    @Override
    public void save(TenantId tenant, HandoffPolicy policy) {
        List<String> problems = policy.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        List<String> phrases = policy.humanPhrases().stream().map(String::strip).toList();
        tx.executeWithoutResult(status -> {
            int updated = jdbc.sql("""
                            update handoff_policies set confidence_threshold = ?, max_ai_turns = ?, clarify_first = ?,
                              human_phrases = ?, updated_at = ?
                            where tenant_id = ?""")
                    .params(policy.confidenceThreshold(), policy.maxAiTurns(), policy.clarifyFirst(),
                            Json.write(phrases), ts(clock.instant()), tenant.value())
                    .update();
            if (updated == 0) {
                jdbc.sql("""
                                insert into handoff_policies (tenant_id, confidence_threshold, max_ai_turns, clarify_first,
                                  human_phrases, updated_at) values (?, ?, ?, ?, ?, ?)""")
                        .params(tenant.value(), policy.confidenceThreshold(), policy.maxAiTurns(), policy.clarifyFirst(),
                                Json.write(phrases), ts(clock.instant()))
                        .update();
            }
        });
    }
}
