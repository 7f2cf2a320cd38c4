package io.resolvehub.core.conversation;

import io.resolvehub.core.Answer;
import io.resolvehub.core.ConversationStatus;

/** The hub's reply to a web-channel message and the conversation's status after it. */
public record WebReply(Answer reply, ConversationStatus status) {
}
