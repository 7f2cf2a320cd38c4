package io.resolvehub.core.event;

import io.resolvehub.core.ChannelType;
import io.resolvehub.core.ConversationId;
import io.resolvehub.core.ResolutionKind;
import io.resolvehub.core.TenantId;

import java.time.Instant;

/**
 * A conversation was resolved by the AI: billing charges it, once. Published inside the transaction that moves the
 * conversation to {@code resolved}; listeners run in that transaction.
 *
 * @param aiAnswers how many answers the AI gave in the conversation (clarifying questions excluded), at least 1
 */
public record ConversationResolved(TenantId tenant, ConversationId conversation, ChannelType channel, int aiAnswers,
                                   ResolutionKind kind, Instant at) {
}
