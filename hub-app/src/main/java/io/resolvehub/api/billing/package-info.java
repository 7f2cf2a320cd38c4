/**
 * The coin meter's REST calls: balance, top-ups, ledger (JSON or CSV), usage, pricing and charge refunds.
 * Thin: each controller checks the tenant and the body, then calls one service of {@code io.resolvehub.billing}.
 */
package io.resolvehub.api.billing;
