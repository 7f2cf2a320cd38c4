package io.resolvehub.core.event;

import io.resolvehub.core.ChannelType;
import io.resolvehub.core.ConversationId;
import io.resolvehub.core.TenantId;

import java.time.Instant;

/** A conversation ended without a resolution and without a hand-off: billing releases its hold. */
public record ConversationClosedUnresolved(TenantId tenant, ConversationId conversation, ChannelType channel,
                                           Instant at) {
}
