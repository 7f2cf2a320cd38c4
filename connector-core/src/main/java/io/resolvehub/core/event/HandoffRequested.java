package io.resolvehub.core.event;

import io.resolvehub.core.ChannelType;
import io.resolvehub.core.ConversationId;
import io.resolvehub.core.HandoffReason;
import io.resolvehub.core.TenantId;

import java.time.Instant;

/** A conversation went to a human: billing releases its hold. Published inside the transaction of the state change. */
public record HandoffRequested(TenantId tenant, ConversationId conversation, ChannelType channel, HandoffReason reason,
                               Instant at) {
}
