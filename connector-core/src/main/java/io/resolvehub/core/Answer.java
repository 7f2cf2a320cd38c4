package io.resolvehub.core;

import java.util.List;
import java.util.Objects;

/**
 * The agent's reply to one message, as {@code POST /ask} and every channel show it.
 *
 * @param decision   answer, clarify or hand off
 * @param text       what the user sees; never empty
 * @param confidence in [0,1]: how sure the agent is that {@code text} is grounded and addresses the question
 * @param citations  the passages the text relies on; empty for a hand-off
 * @param reason     set exactly when {@code decision} is {@link Decision#HANDOFF}
 */
public record Answer(Decision decision, String text, double confidence, List<Citation> citations, HandoffReason reason) {

    public Answer {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(text, "text");
        if (confidence < 0 || confidence > 1 || Double.isNaN(confidence)) {
            throw new IllegalArgumentException("confidence must be in [0,1], was " + confidence);
        }
        citations = citations == null ? List.of() : List.copyOf(citations);
        if ((decision == Decision.HANDOFF) != (reason != null)) {
            throw new IllegalArgumentException("a reason is set exactly for a hand-off");
        }
    }

    public static Answer answer(String text, double confidence, List<Citation> citations) {
        return new Answer(Decision.ANSWER, text, confidence, citations, null);
    }

    public static Answer clarify(String text, double confidence, List<Citation> citations) {
        return new Answer(Decision.CLARIFY, text, confidence, citations, null);
    }

    public static Answer handoff(String text, double confidence, HandoffReason reason) {
        return new Answer(Decision.HANDOFF, text, confidence, List.of(), reason);
    }
}
