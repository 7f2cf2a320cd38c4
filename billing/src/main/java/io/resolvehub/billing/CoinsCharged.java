package io.resolvehub.billing;

/** A conversation was charged; published inside the transaction of the charge (the conversation's transcript shows it). */
public record CoinsCharged(Receipt receipt) {
}
