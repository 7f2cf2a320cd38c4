package io.resolvehub.billing;

import io.resolvehub.billing.ConversationHolds.Row;
import io.resolvehub.billing.ConversationHolds.Status;
import io.resolvehub.billing.LedgerEntries.NewEntry;
import io.resolvehub.core.ChannelType;
import io.resolvehub.core.ConversationId;
import io.resolvehub.core.HandoffReason;
import io.resolvehub.core.ResolutionKind;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.event.ConversationResolved;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * What happens to a conversation's coins after the hold: charge on resolution (releasing the rest), release on
 * hand-off or unresolved close, refund of a charge. Every method joins the caller's transaction when there is one
 * and is idempotent: the move of the conversation's billing row from its expected status is the gate (one of any
 * number of racing or repeated calls wins it), and the unique ledger keys are the backstop.
 *
 * <p><b>A resolution without a hold</b> (the conversation began while the hub ran unmetered, or before billing was
 * deployed) is charged at the tenant's current pricing straight from the available coins when they cover it; when
 * they do not, it is recorded as {@code unbilled} and logged, never charged on credit. A conversation whose hold was
 * released because it closed unresolved, and that the user then reopened and the AI resolved, is charged the same
 * way at the pricing of its original hold; a conversation handed off is never charged.
 *
 * <p>A hold made before a price change is settled at the pricing stored with the hold, so a price change never
 * re-prices a conversation under way and a charge never exceeds its hold. The hold grows before each answer (see
 * {@link HoldingCoinMeter}), so it normally equals the charge; what is left over (a hold grown for an answer that
 * became a clarifying question, or a hold of {@code maxCoins} made before holds grew) is released.
 */
public class Settlements {

    /** Longest refund reason kept; the ledger column is 500 characters. */
    public static final int MAX_REASON = 500;

    private static final Logger log = LoggerFactory.getLogger(Settlements.class);

    private final TransactionTemplate tx;
    private final TenantPricing pricing;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ConversationHolds holds;
    private final Accounts accounts;
    private final LedgerEntries ledger;

    public Settlements(JdbcClient jdbc, TransactionTemplate tx, TenantPricing pricing, ApplicationEventPublisher events,
                       Clock clock) {
        this.tx = tx;
        this.pricing = pricing;
        this.events = events;
        this.clock = clock;
        this.holds = new ConversationHolds(jdbc);
        this.accounts = new Accounts(jdbc);
        this.ledger = new LedgerEntries(jdbc);
    }

    /**
     * Charges a resolved conversation {@code min(maxCoins, baseCoins + coinsPerExtraAnswer × (aiAnswers − 1))} and
     * releases the rest of its hold. Repeated, redelivered or raced calls charge once.
     *
     * @return the receipt when this call charged; empty when the conversation was already settled (or not billable)
     */
    public Optional<Receipt> settle(ConversationResolved resolved) {
        return tx.execute(status -> charge(resolved));
    }

    private Optional<Receipt> charge(ConversationResolved resolved) {
        String t = resolved.tenant().value();
        String c = resolved.conversation().value();
        Instant at = resolved.at() == null ? clock.instant() : resolved.at();
        Optional<Row> row = holds.find(t, c);
        if (row.isEmpty()) {
            return chargeWithoutHold(resolved, at);
        }
        Row hold = row.get();
        if (hold.status() == Status.CLOSED) {
            // Closed unresolved, then reopened by the user and resolved: core does not hold again for it.
            long price = Pricing.priceOf(hold.baseCoins(), hold.coinsPerExtraAnswer(), hold.maxCoins(),
                    resolved.aiAnswers());
            return holds.move(t, c, Status.CLOSED, Status.CHARGED, clock.instant())
                    ? debit(resolved, price, at) : Optional.empty();
        }
        if (hold.status() != Status.HELD) {
            log.debug("conversation {} of {} already {}; resolution not charged again", c, t, hold.status().wire());
            return Optional.empty();
        }
        long price = Pricing.priceOf(hold.baseCoins(), hold.coinsPerExtraAnswer(), hold.heldCoins(),
                resolved.aiAnswers());
        if (!holds.moveHeld(t, c, hold.heldCoins(), Status.CHARGED, clock.instant())) {
            // A racing settlement or release won the gate (then this charges nothing), or the hold grew since it was
            // read: decide again from the row as it is now.
            return charge(resolved);
        }
        LedgerEntry charge = ledger.append(chargeEntry(resolved, price, -price, at));
        long rest = hold.heldCoins() - price;
        if (rest > 0) {
            ledger.append(new NewEntry(t, EntryType.RELEASE, rest, 0, -rest, Keys.release(c), c,
                    resolved.channel().id(), "settled", null, at));
        }
        accounts.settle(t, price, hold.heldCoins());   // last: the tenant's row is locked only until commit
        return Optional.of(published(charge));
    }

    private Optional<Receipt> chargeWithoutHold(ConversationResolved resolved, Instant at) {
        String t = resolved.tenant().value();
        String c = resolved.conversation().value();
        Pricing prices = pricing.get(resolved.tenant());
        long price = prices.chargeFor(resolved.aiAnswers());
        if (!holds.claim(t, c, resolved.channel().id(), Status.CHARGED, 0, prices, clock.instant())) {
            return Optional.empty();   // a racing settlement claimed it first
        }
        return debit(resolved, price, at);
    }

    /** Charges a claimed conversation that has no open hold straight from the available coins, never on credit. */
    private Optional<Receipt> debit(ConversationResolved resolved, long price, Instant at) {
        String t = resolved.tenant().value();
        String c = resolved.conversation().value();
        if (!accounts.tryDebit(t, price)) {
            holds.move(t, c, Status.CHARGED, Status.UNBILLED, clock.instant());
            log.warn("conversation {} of {} resolved without an open hold and only {} coins available for its"
                    + " price {}; recorded as unbilled", c, t, availableOf(t), price);
            return Optional.empty();
        }
        return Optional.of(published(ledger.append(chargeEntry(resolved, price, 0, at))));
    }

    private static NewEntry chargeEntry(ConversationResolved resolved, long price, long heldChange, Instant at) {
        String c = resolved.conversation().value();
        ResolutionKind kind = resolved.kind();
        return new NewEntry(resolved.tenant().value(), EntryType.CHARGE, price, -price, heldChange, Keys.charge(c), c,
                resolved.channel().id(), kind.wire(), null, at);
    }

    private Receipt published(LedgerEntry charge) {
        Receipt receipt = new Receipt(charge.id(), charge.tenant(), charge.conversation(), charge.channel(),
                charge.reason(), charge.coins(), charge.at(), false);
        events.publishEvent(new CoinsCharged(receipt));
        return receipt;
    }

    /** Releases the whole hold of a conversation that went to a human; anything but an open hold is left as it is. */
    public boolean releaseOnHandoff(TenantId tenant, ConversationId conversation, ChannelType channel,
                                    HandoffReason reason, Instant at) {
        return release(tenant, conversation, channel, Status.RELEASED, "handoff:" + reason.wire(), at);
    }

    /**
     * Releases the whole hold of a conversation closed without a resolution. Should the user reopen it and the AI
     * then resolve it, that resolution is charged from the available coins (see the class comment).
     */
    public boolean releaseOnClose(TenantId tenant, ConversationId conversation, ChannelType channel, Instant at) {
        return release(tenant, conversation, channel, Status.CLOSED, "closed_unresolved", at);
    }

    private boolean release(TenantId tenant, ConversationId conversation, ChannelType channel, Status to,
                            String cause, Instant at) {
        return Boolean.TRUE.equals(tx.execute(status -> {
            String t = tenant.value();
            String c = conversation.value();
            Optional<Row> row = holds.find(t, c);
            // The move expects the coins read, so a hold that grew in between is read again, never half released.
            while (row.isPresent() && row.get().status() == Status.HELD
                    && !holds.moveHeld(t, c, row.get().heldCoins(), to, clock.instant())) {
                row = holds.find(t, c);
            }
            if (row.isEmpty() || row.get().status() != Status.HELD) {
                return false;
            }
            long held = row.get().heldCoins();
            ledger.append(new NewEntry(t, EntryType.RELEASE, held, 0, -held, Keys.release(c), c, channel.id(), cause,
                    null, at == null ? clock.instant() : at));
            accounts.release(t, held);
            return true;
        }));
    }

    /**
     * Refunds the charge of an assumed resolution whose user came back within the reopen window and needed a human.
     * Once: a second call, or a conversation whose charge an admin already refunded, changes nothing. A charge that
     * was not an assumed resolution is not refunded by this path (it is logged; an admin can still refund it).
     */
    public Optional<LedgerEntry> refundReopened(TenantId tenant, ConversationId conversation, Instant at) {
        return tx.execute(status -> {
            String t = tenant.value();
            Optional<LedgerEntry> charge = ledger.byKey(t, Keys.charge(conversation.value()));
            if (charge.isEmpty()) {
                return Optional.<LedgerEntry>empty();
            }
            if (!ResolutionKind.ASSUMED.wire().equals(charge.get().reason())) {
                log.warn("conversation {} of {} reopened, but its charge #{} was {}, not assumed: not refunded",
                        conversation, t, charge.get().id(), charge.get().reason());
                return Optional.<LedgerEntry>empty();
            }
            return refund(charge.get(), "reopened_within_window", at == null ? clock.instant() : at);
        });
    }

    /**
     * An admin's one-click dispute refund of a charge.
     *
     * @throws BillingException.NotFound when the tenant has no charge with that id
     * @throws BillingException.Conflict when the charge was already refunded (nothing changes: a refund is once)
     */
    public LedgerEntry refundCharge(TenantId tenant, long chargeId, String reason) {
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON) {
            throw new BillingException.Invalid("reason must be 1-" + MAX_REASON
                    + " characters saying why the charge is refunded, e.g. \"customer dispute\"");
        }
        return tx.execute(status -> {
            LedgerEntry charge = ledger.byId(tenant.value(), chargeId)
                    .filter(entry -> entry.type() == EntryType.CHARGE)
                    .orElseThrow(() -> new BillingException.NotFound(
                            "tenant " + tenant + " has no charge with id " + chargeId
                                    + "; the ids of charges are in GET /api/v1/tenants/" + tenant + "/ledger"));
            return refund(charge, reason, clock.instant()).orElseThrow(() -> new BillingException.Conflict(
                    "charge " + chargeId + " was already refunded"
                            + ledger.byKey(tenant.value(), Keys.refund(chargeId))
                            .map(r -> " (refund entry " + r.id() + " at " + r.at() + ")").orElse("")
                            + "; a charge is refunded at most once"));
        });
    }

    private Optional<LedgerEntry> refund(LedgerEntry charge, String reason, Instant at) {
        String t = charge.tenant();
        String c = charge.conversation();
        if (!holds.move(t, c, Status.CHARGED, Status.REFUNDED, clock.instant())) {
            return Optional.empty();
        }
        LedgerEntry refund = ledger.append(new NewEntry(t, EntryType.REFUND, charge.coins(), charge.coins(), 0,
                Keys.refund(charge.id()), c, charge.channel(), reason, charge.id(), at));
        accounts.credit(t, charge.coins());
        events.publishEvent(new ChargeRefunded(refund));
        return Optional.of(refund);
    }

    private long availableOf(String tenant) {
        return accounts.find(tenant).orElse(Balance.EMPTY).available();
    }
}
