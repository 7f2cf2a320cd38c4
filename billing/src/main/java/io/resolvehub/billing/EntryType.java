package io.resolvehub.billing;

import java.util.Locale;

/** The kinds of ledger entry. Stored and shown in lower case. */
public enum EntryType {
    /** Coins bought: balance goes up. */
    TOPUP,
    /**
     * Coins set aside before an AI answer ({@code baseCoins} before the first, {@code coinsPerExtraAnswer} before
     * each further one, up to {@code maxCoins}): held goes up, balance unchanged.
     */
    HOLD,
    /** The unused part of a hold given back: held goes down. */
    RELEASE,
    /** A resolution billed: balance and held go down by the same amount. */
    CHARGE,
    /** A charge given back (dispute or reopened assumed resolution): balance goes up. */
    REFUND,
    /** A manual correction by an operator, either sign. */
    ADJUSTMENT;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EntryType fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
