package io.resolvehub.billing;

import java.time.Instant;

/**
 * Why and when a conversation was billed: the charge's ledger id, the resolution kind
 * ({@code confirmed}, {@code assumed}, {@code ticket_solved}), the conversation and channel.
 */
public record Receipt(long chargeId, String tenant, String conversation, String channel, String resolution,
                      long coins, Instant at, boolean refunded) {
}
