package io.resolvehub.billing;

import io.resolvehub.billing.LedgerEntries.NewEntry;
import io.resolvehub.core.TenantId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Coins in (top-ups) and operator corrections (adjustments), idempotent on the caller's reference: the reference is
 * the ledger entry's unique key, so a retried top-up credits once. The same reference with other coins is refused.
 */
public class TopUps {

    /** Largest single top-up: far beyond any real purchase, and keeps sums far from overflow. */
    public static final long MAX_COINS = 1_000_000_000_000L;
    private static final Pattern REFERENCE = Pattern.compile("[\\p{Graph} ]{1,200}");

    private final TransactionTemplate tx;
    private final TenantPricing pricing;
    private final LowBalanceAlerts alerts;
    private final Clock clock;
    private final Accounts accounts;
    private final LedgerEntries ledger;

    public TopUps(JdbcClient jdbc, TransactionTemplate tx, TenantPricing pricing, LowBalanceAlerts alerts,
                  Clock clock) {
        this.tx = tx;
        this.pricing = pricing;
        this.alerts = alerts;
        this.clock = clock;
        this.accounts = new Accounts(jdbc);
        this.ledger = new LedgerEntries(jdbc);
    }

    /**
     * Credits {@code coins} once per {@code reference}.
     *
     * @throws BillingException.Invalid  coins not in 1..{@value #MAX_COINS} or a blank / over-long reference
     * @throws BillingException.Conflict the reference was already used for a different number of coins
     */
    public TopUpResult topUp(TenantId tenant, long coins, String reference) {
        requireReference(reference);
        if (coins < 1 || coins > MAX_COINS) {
            throw new BillingException.Invalid("coins must be a whole number from 1 to " + MAX_COINS
                    + " (got " + coins + ")");
        }
        return tx.execute(status -> record(tenant, EntryType.TOPUP, coins, coins, Keys.topUp(reference), reference,
                "top-up"));
    }

    /**
     * A manual correction of either sign, once per {@code reference}. A negative adjustment never takes more than
     * the available coins.
     *
     * @throws BillingException.Conflict the reference was used for other coins, or too few coins are available
     */
    public TopUpResult adjust(TenantId tenant, long signedCoins, String reference, String reason) {
        requireReference(reference);
        if (signedCoins == 0 || Math.abs(signedCoins) > MAX_COINS) {
            throw new BillingException.Invalid("an adjustment must be a non-zero number of coins within ±" + MAX_COINS);
        }
        return tx.execute(status -> {
            TopUpResult result = record(tenant, EntryType.ADJUSTMENT, Math.abs(signedCoins), signedCoins,
                    Keys.adjustment(reference), reason, "adjustment");
            if (signedCoins < 0 && !result.replayed()) {
                alerts.check(tenant, pricing.get(tenant));
            }
            return result;
        });
    }

    private TopUpResult record(TenantId tenant, EntryType type, long coins, long balanceChange, String key,
                               String reason, String what) {
        String t = tenant.value();
        accounts.ensure(t);
        Optional<LedgerEntry> added = ledger.appendIfAbsent(new NewEntry(t, type, coins, balanceChange, 0, key, null,
                null, reason, null, clock.instant()));
        if (added.isEmpty()) {
            LedgerEntry earlier = ledger.byKey(t, key).orElseThrow();
            if (earlier.balanceChange() != balanceChange) {
                throw new BillingException.Conflict("reference '" + key.substring(key.indexOf(':') + 1)
                        + "' was already used for a " + what + " of " + earlier.balanceChange() + " coins at "
                        + earlier.at() + "; use a new reference for a different amount");
            }
            return new TopUpResult(earlier, true, balance(t));
        }
        if (balanceChange >= 0) {
            accounts.credit(t, balanceChange);
        } else if (!accounts.tryDebit(t, -balanceChange)) {
            // Throwing rolls back the entry appended above together with everything else in this transaction.
            throw new BillingException.Conflict("tenant " + t + " has only " + balance(t).available()
                    + " coins available; an adjustment cannot take " + (-balanceChange));
        }
        return new TopUpResult(added.get(), false, balance(t));
    }

    private Balance balance(String tenant) {
        return accounts.find(tenant).orElse(Balance.EMPTY);
    }

    private static void requireReference(String reference) {
        if (reference == null || !REFERENCE.matcher(reference).matches() || reference.isBlank()) {
            throw new BillingException.Invalid("reference must be 1-200 printable characters identifying the payment"
                    + " (e.g. an invoice or payment id); the same reference never credits twice");
        }
    }
}
