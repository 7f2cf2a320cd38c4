package io.resolvehub.billing;

import io.resolvehub.billing.ConversationHolds.Row;
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
import java.util.Optional;

/**
 * Billing's {@link CoinMeter}: a hold that grows with the conversation, so that it always equals what a resolution
 * right now would charge. Before the first answer it holds {@code baseCoins}; before each further answer it adds
 * {@code coinsPerExtraAnswer}, never past {@code maxCoins}. Joins the pipeline's transaction, so the hold commits or
 * rolls back with the conversation's state change.
 *
 * <p>Order of work, which is also the lock order everywhere in billing (conversation row, then the tenant's account
 * row): claim or move the conversation's billing row (a racing call for the same conversation waits, then finds the
 * outcome), then the conditional UPDATE of the account that holds only if {@code balance - held} covers what the hold
 * grows by, then the ledger entry. A refused growth puts the conversation's row back as it was.
 *
 * <p>Conversations held before holds grew (they hold {@code maxCoins}) already cover every answer: growing them holds
 * nothing more, and they keep their hold until they end.
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
    public boolean holdFor(TenantId tenant, ConversationId conversation, ChannelType channel, int answer) {
        if (answer < 1) {
            throw new IllegalArgumentException("answers are numbered from 1, got " + answer);
        }
        Boolean held = tx.execute(status -> hold(tenant, conversation.value(), channel, answer));
        return Boolean.TRUE.equals(held);
    }

    private boolean hold(TenantId tenant, String c, ChannelType channel, int answer) {
        String t = tenant.value();
        Optional<Row> row = holds.find(t, c);
        if (row.isEmpty()) {
            Pricing prices = pricing.get(tenant);
            // Normally answer 1 (baseCoins); more when the conversation began while the hub ran without billing.
            long coins = prices.chargeFor(answer);
            if (holds.claim(t, c, channel.id(), Status.HELD, coins, prices, clock.instant())) {
                return firstHold(tenant, c, channel, coins, prices);
            }
            row = holds.find(t, c);   // a concurrent first hold committed before us: go on from its outcome
        }
        while (true) {
            Row current = row.orElseThrow();
            Optional<Boolean> outcome = grow(tenant, current, answer);
            if (outcome.isPresent()) {
                return outcome.get();
            }
            row = holds.find(t, c);   // a racing call moved the row first: decide again from where it stands now
        }
    }

    private boolean firstHold(TenantId tenant, String c, ChannelType channel, long coins, Pricing prices) {
        String t = tenant.value();
        boolean granted = accounts.tryHold(t, coins);
        if (granted) {
            ledger.append(new NewEntry(t, EntryType.HOLD, coins, 0, coins, Keys.hold(c), c, channel.id(), null, null,
                    clock.instant()));
        } else {
            holds.move(t, c, Status.HELD, Status.REFUSED, clock.instant());
        }
        alerts.check(tenant, prices);
        return granted;
    }

    /** The answer for a conversation that has a billing row; empty when a racing call changed the row first. */
    private Optional<Boolean> grow(TenantId tenant, Row row, int answer) {
        String t = tenant.value();
        String c = row.conversation();
        long needed = Pricing.priceOf(row.baseCoins(), row.coinsPerExtraAnswer(), row.maxCoins(), answer);
        return switch (row.status()) {
            case REFUSED -> Optional.of(false);
            // Closed unresolved and reopened: its resolution is charged from the available coins (see Settlements),
            // so answer only while they could pay for it.
            case CLOSED -> Optional.of(accounts.find(t).orElse(Balance.EMPTY).available() >= needed);
            // Settled already (charged at most once) or handed off: nothing more to hold.
            case CHARGED, RELEASED, REFUNDED, UNBILLED -> Optional.of(true);
            case HELD -> {
                if (row.heldCoins() >= needed) {
                    yield Optional.of(true);
                }
                if (!holds.changeHeld(t, c, row.heldCoins(), needed, clock.instant())) {
                    yield Optional.empty();
                }
                long more = needed - row.heldCoins();
                if (!accounts.tryHold(t, more)) {
                    holds.changeHeld(t, c, needed, row.heldCoins(), clock.instant());
                    yield Optional.of(false);
                }
                ledger.append(new NewEntry(t, EntryType.HOLD, more, 0, more, Keys.growth(c, answer), c,
                        row.channel(), "answer " + answer, null, clock.instant()));
                alerts.check(tenant, pricing.get(tenant));
                yield Optional.of(true);
            }
        };
    }
}
