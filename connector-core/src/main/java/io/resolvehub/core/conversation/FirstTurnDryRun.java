package io.resolvehub.core.conversation;

import io.resolvehub.core.Answer;
import io.resolvehub.core.AnswerEngine;
import io.resolvehub.core.ChatTurn;
import io.resolvehub.core.PersonRequestDetector;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.internal.pipeline.Pipeline;

import java.util.List;

/**
 * What the hub would reply to a conversation's first message, without a conversation: the tenant's hand-off policy
 * applied to the agent's proposal exactly as the pipeline applies it (a request for a person, a clarifying question or
 * a hand-off below the tenant's threshold, nothing relevant found), but never billed and never stored. The admin page's
 * "Try it" box and {@code POST /ask} are built on it. Thread-safe.
 */
public interface FirstTurnDryRun {

    /**
     * @param history earlier turns, oldest first, that the question may lean on (never null)
     * @return never null; a failing engine gives an {@code engine_error} hand-off
     */
    Answer ask(TenantId tenant, String question, List<ChatTurn> history);

    /**
     * A dry run of {@code engine} under one {@code policy} for every tenant, calling the engine directly (no time limit,
     * no circuit breaker; a throwing engine still gives an {@code engine_error} hand-off): for evaluations.
     */
    static FirstTurnDryRun of(HandoffPolicy policy, AnswerEngine engine, PersonRequestDetector detector) {
        return Pipeline.unguardedDryRun(policy, engine, detector);
    }
}
