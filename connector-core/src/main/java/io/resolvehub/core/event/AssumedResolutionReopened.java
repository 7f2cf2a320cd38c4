package io.resolvehub.core.event;

import io.resolvehub.core.ChannelType;
import io.resolvehub.core.ConversationId;
import io.resolvehub.core.TenantId;

import java.time.Instant;

/**
 * The user came back within the reopen window after an assumed resolution and then needed a human: billing refunds
 * that conversation's charge (once).
 */
public record AssumedResolutionReopened(TenantId tenant, ConversationId conversation, ChannelType channel,
                                        Instant at) {
}
