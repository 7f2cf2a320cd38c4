package io.resolvehub.core.conversation;

import java.time.Instant;

/** A recorded transition or step of a conversation (opened, handoff, ticket, resolved, dead_letter, …). */
public record ConversationEventView(String type, String reason, String detail, Instant at) {
}
