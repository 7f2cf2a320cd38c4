package io.resolvehub.core.internal.conversation;

import io.resolvehub.core.Answer;

import java.time.Instant;

/** The hub's recorded reply to one inbound event, and whether it reached the user yet. */
public record AssistantTurn(long id, long inboundEventId, Answer answer, Instant deliveredAt) {

    public boolean delivered() {
        return deliveredAt != null;
    }
}
