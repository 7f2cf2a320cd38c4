package io.resolvehub.core.channel;

import io.resolvehub.core.Answer;

/**
 * A reply to post in place.
 *
 * @param conversation where
 * @param answer       the agent's answer or clarifying question; rendered with its citations as source links and,
 *                     when {@code feedbackControls}, the "That solved it" / "Talk to a human" controls
 * @param feedbackControls whether to show the resolve / hand-off controls (true for answers, false for clarifying questions)
 */
public record OutboundMessage(ConversationRef conversation, Answer answer, boolean feedbackControls) {
}
