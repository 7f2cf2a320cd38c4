package io.resolvehub.billing;

import java.time.Instant;

/**
 * One append-only ledger row.
 *
 * @param coins         the amount of the entry, never negative (an adjustment's sign is in {@code balanceChange})
 * @param balanceChange what the entry adds to the balance (negative for a charge)
 * @param heldChange    what the entry adds to the held coins (positive for a hold, negative for a charge or release)
 * @param conversation  null for top-ups and adjustments
 * @param channel       null for top-ups and adjustments
 * @param reason        a charge's receipt reason ({@code confirmed}, {@code assumed}, {@code ticket_solved}), a
 *                      refund's or adjustment's stated reason, a release's cause; may be null
 * @param chargeId      for a refund, the charge it gives back; otherwise null
 */
public record LedgerEntry(long id, String tenant, EntryType type, long coins, long balanceChange, long heldChange,
                          String idempotencyKey, String conversation, String channel, String reason, Long chargeId,
                          Instant at) {
}
