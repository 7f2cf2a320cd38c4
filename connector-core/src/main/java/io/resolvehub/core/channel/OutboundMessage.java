package io.resolvehub.core.channel;

import io.resolvehub.core.Answer;

/**
 * A reply to post in place.
 *
 * @param conversation where
 * @param answer       the agent's answer or clarifying question; rendered with its citations as source links and,
 *                     when {@code feedbackControls}, the "That solved it" / "Talk to a human" controls
 * @param feedbackControls whether to show the resolve / hand-off controls (true for answers, false for clarifying questions)
 * @param parts        how many of the reply's platform messages went out already (a resumed reply), and where the
 *                     connector reports each one it posts
 */
public record OutboundMessage(ConversationRef conversation, Answer answer, boolean feedbackControls, SentParts parts) {

    public OutboundMessage {
        parts = parts == null ? SentParts.none() : parts;
    }

    /** A reply that starts from its first part. */
    public OutboundMessage(ConversationRef conversation, Answer answer, boolean feedbackControls) {
        this(conversation, answer, feedbackControls, SentParts.none());
    }
}
