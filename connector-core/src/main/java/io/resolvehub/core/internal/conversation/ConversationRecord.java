package io.resolvehub.core.internal.conversation;

import io.resolvehub.core.ChannelType;
import io.resolvehub.core.ConversationId;
import io.resolvehub.core.ConversationStatus;
import io.resolvehub.core.Decision;
import io.resolvehub.core.HandoffReason;
import io.resolvehub.core.ResolutionKind;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.UserRef;
import io.resolvehub.core.channel.ConversationRef;
import io.resolvehub.core.channel.TicketRef;

import java.time.Instant;
import java.util.Map;

/** A row of {@code conversations}. */
public record ConversationRecord(ConversationId id, TenantId tenant, ChannelType channel, String threadKey, UserRef user,
                                 ConversationStatus status, boolean aiTaken, int aiAnswers, int clarifications,
                                 Decision lastDecision, Double lastConfidence, boolean negativeFeedback,
                                 HandoffReason handoffReason, Long handoffEventId, TicketRef ticket,
                                 Map<String, String> replyContext, ResolutionKind resolutionKind,
                                 boolean reopenedAfterAssumed, Instant createdAt, Instant updatedAt,
                                 Instant lastUserMessageAt, Instant lastAiAnswerAt, Instant escalatedAt,
                                 Instant resolvedAt) {

    public ConversationRef ref(Map<String, String> replyContext) {
        return new ConversationRef(id, tenant, channel, threadKey, user, replyContext);
    }

    public ConversationRef ref() {
        return ref(replyContext);
    }
}
