package io.resolvehub.insights;

import java.time.Instant;

/**
 * A conversation's opening question as insights keeps it.
 *
 * @param topicId        the topic it was grouped into; null until assigned
 * @param handoffReason  the hand-off reason's wire name when {@code outcome} is {@link Outcome#HANDED_OFF}
 * @param negativeFeedback whether the user said an answer did not help
 */
record AskedQuestion(String conversationId, String question, Instant askedAt, Long topicId, Outcome outcome,
                     String handoffReason, boolean negativeFeedback) {

    /** Handed off because the docs fell short, or answered and found unhelpful: what a content gap is made of. */
    boolean showsAGap() {
        return negativeFeedback || (outcome == Outcome.HANDED_OFF && ("low_confidence".equals(handoffReason)
                || "no_knowledge".equals(handoffReason) || "negative_feedback".equals(handoffReason)));
    }
}
