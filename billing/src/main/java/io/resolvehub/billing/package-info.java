/**
 * The central coin meter: one prepaid balance per tenant, shared by every channel.
 *
 * <p>Every movement of coins is an append-only {@link io.resolvehub.billing.LedgerEntry} with a unique idempotency
 * key ({@code topup:<reference>}, {@code hold:<conversation>}, {@code charge:<conversation>},
 * {@code release:<conversation>}, {@code refund:<chargeId>}, {@code adjustment:<reference>}), so "charged at most
 * once" is a database constraint. A per-tenant balance row is updated in the same transaction with conditional
 * UPDATEs, so concurrent holds can never overdraw. Billing follows the conversation through core's events
 * ({@link io.resolvehub.billing.BillingEventListener}); the pipeline's one direct question is
 * {@link io.resolvehub.core.CoinMeter#holdFor}.
 */
package io.resolvehub.billing;
