package io.resolvehub.core;

/**
 * The agent: answers a question from the tenant's own knowledge. Implemented by {@code agent-engine}.
 *
 * <p>The engine proposes {@link Decision#ANSWER}, {@link Decision#CLARIFY} or a {@link Decision#HANDOFF} with
 * {@link HandoffReason#NO_KNOWLEDGE} / {@link HandoffReason#LOW_CONFIDENCE}; the conversation pipeline applies the
 * tenant's hand-off policy on top (human phrases, balance, turn limits, threshold).
 *
 * <p>Thread-safe. May throw any runtime exception when the index or model fails: the caller turns that into an
 * {@code engine_error} hand-off, never silence.
 */
public interface AnswerEngine {

    Answer answer(AnswerRequest request);
}
