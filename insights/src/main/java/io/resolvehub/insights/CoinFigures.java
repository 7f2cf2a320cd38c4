package io.resolvehub.insights;

import io.resolvehub.core.TenantId;

import java.time.Instant;

/** What the coin meter says about a period, for the insights totals and the digest. Supplied by the application. */
public interface CoinFigures {

    /** Coins charged in {@code [from, to)} less the coins refunded in it. */
    long coinsSpent(TenantId tenant, Instant from, Instant to);

    /** Coins available now (balance less holds). */
    long available(TenantId tenant);

    /** Whether the tenant's available coins are under its low-balance level. */
    boolean lowBalance(TenantId tenant);

    /** A hub without billing: nothing spent, nothing to forecast. */
    static CoinFigures unmetered() {
        return new CoinFigures() {
            @Override
            public long coinsSpent(TenantId tenant, Instant from, Instant to) {
                return 0;
            }

            @Override
            public long available(TenantId tenant) {
                return 0;
            }

            @Override
            public boolean lowBalance(TenantId tenant) {
                return false;
            }
        };
    }
}
