package io.resolvehub.billing;

/**
 * The outcome of a top-up.
 *
 * @param entry    the top-up's ledger entry (the earlier one when {@code replayed})
 * @param replayed true when the reference had already been used for the same coins and nothing new was credited
 * @param balance  the tenant's balance after the call
 */
public record TopUpResult(LedgerEntry entry, boolean replayed, Balance balance) {
}
