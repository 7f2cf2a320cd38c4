package io.resolvehub.core.conversation;

import io.resolvehub.core.ChannelType;
import io.resolvehub.core.ConversationId;
import io.resolvehub.core.ConversationStatus;
import io.resolvehub.core.HandoffReason;
import io.resolvehub.core.ResolutionKind;
import io.resolvehub.core.UserRef;
import io.resolvehub.core.channel.TicketRef;

import java.time.Instant;

/**
 * One conversation as the inbox lists it.
 *
 * @param lastConfidence the confidence of the last AI turn; null before the AI spoke
 * @param handoffReason  set when escalated
 * @param ticket         the hand-off's ticket; null when none (yet)
 * @param resolution     how it was resolved; null unless resolved
 * @param deadLetters    how many of its inbound events failed permanently (shown so nothing is silently lost)
 * @param lastError      the error of the latest dead-lettered event; null when none
 */
public record InboxItem(ConversationId id, ChannelType channel, UserRef user, ConversationStatus status,
                        Double lastConfidence, HandoffReason handoffReason, TicketRef ticket, ResolutionKind resolution,
                        int aiAnswers, Instant createdAt, Instant updatedAt, int deadLetters, String lastError) {
}
