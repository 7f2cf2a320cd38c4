package io.resolvehub.billing;

/** A charge was given back, by an admin's dispute refund or a reopened assumed resolution. */
public record ChargeRefunded(LedgerEntry refund) {
}
