package io.resolvehub.core.event;

import io.resolvehub.core.Answer;
import io.resolvehub.core.ChannelType;
import io.resolvehub.core.ConversationId;
import io.resolvehub.core.TenantId;

import java.time.Instant;

/** The hub replied to a user's message (answer, clarification or hand-off); insights count these. */
public record MessageAnswered(TenantId tenant, ConversationId conversation, ChannelType channel, String question,
                              Answer answer, Instant at) {
}
