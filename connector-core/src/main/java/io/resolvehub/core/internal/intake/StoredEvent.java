package io.resolvehub.core.internal.intake;

import io.resolvehub.core.InboundMessage;

/**
 * An inbound event as stored and claimed.
 *
 * @param id       the row id: received order, and the key that makes re-processing idempotent
 * @param attempts how many times it has been claimed, this claim included
 */
public record StoredEvent(long id, InboundMessage message, int attempts) {
}
