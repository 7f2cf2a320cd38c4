package io.resolvehub.api.billing;

import io.resolvehub.billing.Balance;

/** {@code GET /balance}: {@code {"balance","held","available"}}, whole coins. */
record BalanceView(long balance, long held, long available) {

    static BalanceView of(Balance balance) {
        return new BalanceView(balance.balance(), balance.held(), balance.available());
    }
}
