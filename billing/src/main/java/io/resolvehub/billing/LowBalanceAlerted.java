package io.resolvehub.billing;

import io.resolvehub.core.TenantId;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A tenant's available coins fell below its {@code lowBalanceCoins}; published at most once per tenant and day
 * (the day in {@code hub.billing.zone}), inside the transaction that caused it. The admin page and the digest list
 * these from {@link LowBalanceAlerts#recent}.
 */
public record LowBalanceAlerted(TenantId tenant, LocalDate day, long available, long lowBalanceCoins, Instant at) {
}
