package io.resolvehub.billing;

import io.resolvehub.billing.ConversationHolds.Status;
import io.resolvehub.billing.LedgerEntries.NewEntry;
import io.resolvehub.core.ChannelType;
import io.resolvehub.core.CoinMeter;
import io.resolvehub.core.ConversationId;
import io.resolvehub.core.TenantId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;

/**
 * Billing's {@link CoinMeter}: holds the tenant's {@code maxCoins} when the AI takes a conversation. Joins the
 * pipeline's transaction, so the hold commits or rolls back with the conversation's state change.
 *
 * <p>Order of work, which is also the lock order everywhere in billing (conversation row, then the tenant's account
 * row): claim the conversation's billing row (a second call, or a racing one, finds it and returns the first
 * outcome), then the conditional UPDATE that holds only if {@code balance - held >= maxCoins}, then the ledger entry.
 */
public class HoldingCoinMeter implements CoinMeter {

    private final TransactionTemplate tx;
    private final TenantPricing pricing;
    private final LowBalanceAlerts alerts;
    private final Clock clock;
    private final ConversationHolds holds;
    private final Accounts accounts;
    private final LedgerEntries ledger;

    public HoldingCoinMeter(JdbcClient jdbc, TransactionTemplate tx, TenantPricing pricing, LowBalanceAlerts alerts,
                            Clock clock) {
        this.tx = tx;
        this.pricing = pricing;
        this.alerts = alerts;
        this.clock = clock;
        this.holds = new ConversationHolds(jdbc);
        this.accounts = new Accounts(jdbc);
        this.ledger = new LedgerEntries(jdbc);
    }

    @Override
    public boolean holdFor(TenantId tenant, ConversationId conversation, ChannelType channel) {
        Boolean held = tx.execute(status -> hold(tenant, conversation, channel));
        return Boolean.TRUE.equals(held);
    }

    private boolean hold(TenantId tenant, ConversationId conversation, ChannelType channel) {
        String t = tenant.value();
        String c = conversation.value();
        Pricing prices = pricing.get(tenant);
        Instant now = clock.instant();
        if (!holds.claim(t, c, channel.id(), Status.HELD, prices.maxCoins(), prices, now)) {
            // Held before, or a concurrent holdFor for this conversation committed first: that outcome stands.
            return holds.find(t, c).map(row -> tookIt(row.status())).orElse(false);
        }
        boolean granted = accounts.tryHold(t, prices.maxCoins());
        if (granted) {
            ledger.append(new NewEntry(t, EntryType.HOLD, prices.maxCoins(), 0, prices.maxCoins(), Keys.hold(c), c,
                    channel.id(), null, null, now));
        } else {
            holds.move(t, c, Status.HELD, Status.REFUSED, now);
        }
        alerts.check(tenant, prices);
        return granted;
    }

    private static boolean tookIt(Status status) {
        return status != Status.REFUSED;
    }
}
