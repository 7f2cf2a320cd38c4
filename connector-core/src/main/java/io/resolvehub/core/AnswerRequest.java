package io.resolvehub.core;

import java.util.List;
import java.util.Objects;

/**
 * A question for the agent.
 *
 * @param tenant   whose knowledge to answer from; the engine must never use another tenant's content
 * @param question the user's latest message
 * @param history  earlier turns, oldest first (may be empty, never null)
 */
public record AnswerRequest(TenantId tenant, String question, List<ChatTurn> history) {

    public AnswerRequest {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(question, "question");
        history = history == null ? List.of() : List.copyOf(history);
    }
}
