package io.resolvehub.billing;

import io.resolvehub.core.ChannelType;
import io.resolvehub.core.ConversationId;
import io.resolvehub.core.HandoffReason;
import io.resolvehub.core.ResolutionKind;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.event.ConversationClosedUnresolved;
import io.resolvehub.core.event.HandoffRequested;
import io.resolvehub.core.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

/** Holds and settlement of the coin meter, on H2 and PostgreSQL. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class CoinMeterTest {

    private static final TenantId ACME = new TenantId("acme");
    private static final TenantId GLOBEX = new TenantId("globex");

    @Parameter
    TestDatabase db;

    private BillingFixture f;

    @BeforeEach
    void freshDatabase() {
        f = new BillingFixture(db);
    }

    @Test
    void holdsBaseCoinsBeforeTheFirstAnswerOnce() {
        f.topUps.topUp(ACME, 20, "inv-1");
        f.pricing.put(ACME, new Pricing(3, 2, 10, 0));

        assertThat(f.hold(ACME, "c1")).isTrue();
        assertThat(f.hold(ACME, "c1")).as("asked again for the same answer").isTrue();

        assertThat(f.ledger.balance(ACME)).isEqualTo(new Balance(20, 3));
        assertThat(f.ledger.balance(ACME).available()).isEqualTo(17);
        assertThat(f.entriesOf(ACME)).isEqualTo(2);
    }

    @Test
    void growsTheHoldByCoinsPerExtraAnswerBeforeEachFurtherAnswerNeverPastMaxCoins() {
        f.topUps.topUp(ACME, 100, "inv-1");
        f.pricing.put(ACME, new Pricing(3, 2, 8, 0));
        var c1 = new ConversationId("c1");

        for (int answer = 1; answer <= 5; answer++) {
            assertThat(f.meter.holdFor(ACME, c1, ChannelType.SLACK, answer)).isTrue();
            assertThat(f.meter.holdFor(ACME, c1, ChannelType.SLACK, answer)).as("a retry holds nothing more").isTrue();
            assertThat(f.ledger.balance(ACME).held()).as("held before answer " + answer)
                    .isEqualTo(Math.min(8, 3 + 2 * (answer - 1)));
        }

        assertThat(f.ledger.ofConversation(ACME, c1))
                .extracting(LedgerEntry::type, LedgerEntry::coins, LedgerEntry::idempotencyKey, LedgerEntry::reason)
                .containsExactly(
                        tuple(EntryType.HOLD, 3L, "hold:c1", null),
                        tuple(EntryType.HOLD, 2L, "grow:2:c1", "answer 2"),
                        tuple(EntryType.HOLD, 2L, "grow:3:c1", "answer 3"),
                        tuple(EntryType.HOLD, 1L, "grow:4:c1", "answer 4"));
        Receipt receipt = f.settlements.settle(f.resolution(ACME, "c1", 5, ResolutionKind.CONFIRMED)).orElseThrow();
        assertThat(receipt.coins()).as("the resolution charges the hold").isEqualTo(8);
        assertThat(f.ledger.balance(ACME)).isEqualTo(new Balance(92, 0));
    }

    @Test
    void refusesAFirstAnswerWhenFewerThanBaseCoinsAreAvailableAndKeepsThatAnswer() {
        f.pricing.put(ACME, new Pricing(3, 1, 5, 0));
        f.topUps.topUp(ACME, 2, "inv-1");

        assertThat(f.hold(ACME, "c1")).isFalse();
        f.topUps.topUp(ACME, 100, "inv-2");
        assertThat(f.hold(ACME, "c1")).as("the first outcome stands: the conversation went to a human").isFalse();

        assertThat(f.ledger.balance(ACME)).isEqualTo(new Balance(102, 0));
    }

    @Test
    void refusesALaterAnswerOnlyWhenCoinsPerExtraAnswerAreNotAvailable() {
        f.pricing.put(ACME, new Pricing(2, 3, 20, 0));
        f.topUps.topUp(ACME, 7, "inv-1");
        var c1 = new ConversationId("c1");

        assertThat(f.meter.holdFor(ACME, c1, ChannelType.SLACK, 1)).isTrue();
        assertThat(f.meter.holdFor(ACME, c1, ChannelType.SLACK, 2)).as("3 of the 5 available").isTrue();
        assertThat(f.meter.holdFor(ACME, c1, ChannelType.SLACK, 3)).as("3 more needed, 2 available").isFalse();

        assertThat(f.ledger.balance(ACME)).isEqualTo(new Balance(7, 5));
        assertThat(f.hold(ACME, "c2")).as("a first answer needs only baseCoins: 2 of the 2 left").isTrue();
        assertThat(f.ledger.balance(ACME).available()).isZero();
        new BillingEventListener(f.settlements).on(new HandoffRequested(ACME, c1, ChannelType.SLACK,
                HandoffReason.INSUFFICIENT_BALANCE, f.clock.instant()));
        assertThat(f.ledger.balance(ACME)).as("the hand-off releases the whole hold").isEqualTo(new Balance(7, 2));
        assertThat(f.settlements.settle(f.resolution(ACME, "c1", 2, ResolutionKind.ASSUMED))).isEmpty();
    }

    @Test
    void growsTheHoldAtThePricingOfTheFirstHold() {
        f.topUps.topUp(ACME, 50, "inv-1");
        f.hold(ACME, "before");
        f.pricing.put(ACME, new Pricing(7, 5, 20, 0));

        assertThat(f.answer(ACME, "before", 3)).isTrue();

        assertThat(f.ledger.balance(ACME).held()).as("1 + 1 x 2 under the old pricing").isEqualTo(3);
    }

    @Test
    void refusesEveryHoldOfATenantThatNeverToppedUp() {
        assertThat(f.hold(GLOBEX, "c1")).isFalse();
        assertThat(f.ledger.balance(GLOBEX)).isEqualTo(Balance.EMPTY);
    }

    @Test
    void chargesTheHoldOfAOneAnswerConversation() {
        f.topUps.topUp(ACME, 20, "inv-1");
        f.hold(ACME, "c1");

        Receipt receipt = f.settlements.settle(f.resolution(ACME, "c1", 1, ResolutionKind.CONFIRMED)).orElseThrow();

        assertThat(receipt.coins()).isEqualTo(1);
        assertThat(receipt.resolution()).isEqualTo("confirmed");
        assertThat(receipt.conversation()).isEqualTo("c1");
        assertThat(receipt.channel()).isEqualTo("slack");
        assertThat(receipt.at()).isEqualTo(BillingFixture.START);
        assertThat(f.ledger.balance(ACME)).isEqualTo(new Balance(19, 0));
        assertThat(f.ledger.ofConversation(ACME, new ConversationId("c1")))
                .extracting(LedgerEntry::type, LedgerEntry::coins, LedgerEntry::idempotencyKey)
                .containsExactly(
                        tuple(EntryType.HOLD, 1L, "hold:c1"),
                        tuple(EntryType.CHARGE, 1L, "charge:c1"));
        assertThat(f.events).contains(new CoinsCharged(receipt));
    }

    @Test
    void chargesEachExtraAnswerAndCapsAtMaxCoins() {
        f.topUps.topUp(ACME, 100, "inv-1");
        f.pricing.put(ACME, new Pricing(2, 3, 10, 0));
        f.answer(ACME, "three", 3);
        f.answer(ACME, "many", 40);

        long three = f.settlements.settle(f.resolution(ACME, "three", 3, ResolutionKind.ASSUMED)).orElseThrow().coins();
        long many = f.settlements.settle(f.resolution(ACME, "many", 40, ResolutionKind.ASSUMED)).orElseThrow().coins();

        assertThat(three).isEqualTo(2 + 3 * 2);
        assertThat(many).isEqualTo(10);
        assertThat(f.ledger.balance(ACME)).isEqualTo(new Balance(100 - 8 - 10, 0));
    }

    @Test
    void chargesAConversationOnceWhateverIsRepeated() {
        f.topUps.topUp(ACME, 20, "inv-1");
        f.answer(ACME, "c1", 2);
        var resolved = f.resolution(ACME, "c1", 2, ResolutionKind.CONFIRMED);

        assertThat(f.settlements.settle(resolved)).isPresent();
        assertThat(f.settlements.settle(resolved)).isEmpty();
        assertThat(f.settlements.settle(f.resolution(ACME, "c1", 5, ResolutionKind.ASSUMED))).isEmpty();

        assertThat(f.chargesOf(ACME)).isEqualTo(1);
        assertThat(f.ledger.balance(ACME)).isEqualTo(new Balance(18, 0));
    }

    @Test
    void settlesAtThePricingInForceWhenTheHoldWasMade() {
        f.topUps.topUp(ACME, 50, "inv-1");
        f.hold(ACME, "before");
        f.pricing.put(ACME, new Pricing(7, 5, 20, 0));
        f.answer(ACME, "before", 3);

        long charged = f.settlements.settle(f.resolution(ACME, "before", 3, ResolutionKind.CONFIRMED))
                .orElseThrow().coins();

        assertThat(charged).as("1 + 1 x 2 under the old pricing, never above the 5 held").isEqualTo(3);
        assertThat(f.ledger.balance(ACME)).isEqualTo(new Balance(47, 0));
    }

    @Test
    void chargesAResolutionWithoutAHoldFromAvailableCoinsAtCurrentPricing() {
        f.topUps.topUp(ACME, 10, "inv-1");

        Receipt receipt = f.settlements.settle(f.resolution(ACME, "unheld", 2, ResolutionKind.CONFIRMED)).orElseThrow();

        assertThat(receipt.coins()).isEqualTo(2);
        assertThat(f.settlements.settle(f.resolution(ACME, "unheld", 2, ResolutionKind.CONFIRMED))).isEmpty();
        assertThat(f.ledger.balance(ACME)).isEqualTo(new Balance(8, 0));
    }

    @Test
    void leavesAResolutionWithoutAHoldUnbilledRatherThanChargingOnCredit() {
        f.topUps.topUp(ACME, 1, "inv-1");

        assertThat(f.settlements.settle(f.resolution(ACME, "unheld", 3, ResolutionKind.CONFIRMED))).isEmpty();
        assertThat(f.settlements.settle(f.resolution(ACME, "unheld", 3, ResolutionKind.CONFIRMED))).isEmpty();

        assertThat(f.chargesOf(ACME)).isZero();
        assertThat(f.ledger.balance(ACME)).isEqualTo(new Balance(1, 0));
        assertThat(f.hold(ACME, "unheld")).as("already settled: no new hold").isTrue();
        assertThat(f.ledger.balance(ACME).held()).isZero();
    }

    @Test
    void releasesTheWholeHoldOnHandoffOnce() {
        f.topUps.topUp(ACME, 20, "inv-1");
        f.answer(ACME, "c1", 3);
        assertThat(f.ledger.balance(ACME).held()).isEqualTo(3);
        var listener = new BillingEventListener(f.settlements);
        var handoff = new HandoffRequested(ACME, new ConversationId("c1"), ChannelType.SLACK,
                HandoffReason.LOW_CONFIDENCE, f.clock.instant());

        listener.on(handoff);
        listener.on(handoff);

        assertThat(f.ledger.balance(ACME)).isEqualTo(new Balance(20, 0));
        assertThat(f.ledger.ofConversation(ACME, new ConversationId("c1")))
                .extracting(LedgerEntry::type, LedgerEntry::reason)
                .containsExactly(tuple(EntryType.HOLD, null), tuple(EntryType.HOLD, "answer 2"),
                        tuple(EntryType.HOLD, "answer 3"), tuple(EntryType.RELEASE, "handoff:low_confidence"));
        assertThat(f.settlements.settle(f.resolution(ACME, "c1", 1, ResolutionKind.CONFIRMED)))
                .as("a conversation handed off is not charged later").isEmpty();
    }

    @Test
    void releasesNothingForAConversationAlreadyCharged() {
        f.topUps.topUp(ACME, 20, "inv-1");
        f.hold(ACME, "c1");
        f.settlements.settle(f.resolution(ACME, "c1", 1, ResolutionKind.CONFIRMED));

        boolean released = f.settlements.releaseOnClose(ACME, new ConversationId("c1"), ChannelType.SLACK,
                f.clock.instant());

        assertThat(released).isFalse();
        assertThat(f.ledger.balance(ACME)).isEqualTo(new Balance(19, 0));
    }

    @Test
    void chargesAConversationReopenedAfterAnUnresolvedCloseFromAvailableCoinsAtItsHoldsPricing() {
        f.topUps.topUp(ACME, 20, "inv-1");
        f.hold(ACME, "c1");
        f.pricing.put(ACME, new Pricing(4, 4, 10, 0));
        var listener = new BillingEventListener(f.settlements);
        listener.on(new ConversationClosedUnresolved(ACME, new ConversationId("c1"),
                ChannelType.SLACK, f.clock.instant()));
        assertThat(f.ledger.balance(ACME)).isEqualTo(new Balance(20, 0));

        assertThat(f.meter.holdFor(ACME, new ConversationId("c1"), ChannelType.SLACK, 3))
                .as("reopened: answered while the available coins could pay its resolution").isTrue();
        assertThat(f.ledger.balance(ACME).held()).as("no hold for a conversation closed once").isZero();
        Receipt receipt = f.settlements.settle(f.resolution(ACME, "c1", 3, ResolutionKind.CONFIRMED)).orElseThrow();

        assertThat(receipt.coins()).as("1 + 1 x 2 under the pricing of the hold").isEqualTo(3);
        assertThat(f.settlements.settle(f.resolution(ACME, "c1", 3, ResolutionKind.CONFIRMED))).isEmpty();
        assertThat(f.ledger.balance(ACME)).isEqualTo(new Balance(17, 0));
    }

    @Test
    void refusesAnAnswerInAReopenedConversationWhoseResolutionTheAvailableCoinsCannotPay() {
        f.topUps.topUp(ACME, 4, "inv-1");
        f.answer(ACME, "c1", 2);
        f.settlements.releaseOnClose(ACME, new ConversationId("c1"), ChannelType.SLACK, f.clock.instant());
        f.answer(ACME, "c2", 3);   // 3 of the 4 held elsewhere: 1 available

        assertThat(f.meter.holdFor(ACME, new ConversationId("c1"), ChannelType.SLACK, 3))
                .as("its resolution would cost 3, 1 is available: nothing is answered on credit").isFalse();
        assertThat(f.meter.holdFor(ACME, new ConversationId("c1"), ChannelType.SLACK, 1)).isTrue();
    }

    @Test
    void refundsAnAssumedResolutionOnceWhenTheUserReturns() {
        f.topUps.topUp(ACME, 20, "inv-1");
        f.answer(ACME, "c1", 3);
        f.settlements.settle(f.resolution(ACME, "c1", 3, ResolutionKind.ASSUMED));

        assertThat(f.settlements.refundReopened(ACME, new ConversationId("c1"), f.clock.instant())).isPresent();
        assertThat(f.settlements.refundReopened(ACME, new ConversationId("c1"), f.clock.instant())).isEmpty();

        assertThat(f.ledger.balance(ACME)).isEqualTo(new Balance(20, 0));
        assertThat(f.ledger.receipts(ACME, new ConversationId("c1"))).singleElement()
                .extracting(Receipt::refunded).isEqualTo(true);
    }

    @Test
    void doesNotRefundAConfirmedResolutionOnReopen() {
        f.topUps.topUp(ACME, 20, "inv-1");
        f.hold(ACME, "c1");
        f.settlements.settle(f.resolution(ACME, "c1", 1, ResolutionKind.CONFIRMED));

        assertThat(f.settlements.refundReopened(ACME, new ConversationId("c1"), f.clock.instant())).isEmpty();
        assertThat(f.ledger.balance(ACME)).isEqualTo(new Balance(19, 0));
    }

    @Test
    void refundsAChargeOnAnAdminsRequestOnceAndRefusesTheSecond() {
        f.topUps.topUp(ACME, 20, "inv-1");
        f.answer(ACME, "c1", 2);
        long chargeId = f.settlements.settle(f.resolution(ACME, "c1", 2, ResolutionKind.CONFIRMED))
                .orElseThrow().chargeId();

        LedgerEntry refund = f.settlements.refundCharge(ACME, chargeId, "customer dispute");

        assertThat(refund.coins()).isEqualTo(2);
        assertThat(refund.chargeId()).isEqualTo(chargeId);
        assertThat(refund.idempotencyKey()).isEqualTo("refund:" + chargeId);
        assertThat(f.events).contains(new ChargeRefunded(refund));
        assertThatThrownBy(
                        () -> f.settlements.refundCharge(ACME, chargeId, "again"))
                .isInstanceOf(BillingException.Conflict.class)
                .hasMessageContaining("already refunded");
        assertThat(f.settlements.refundReopened(ACME, new ConversationId("c1"), f.clock.instant())).isEmpty();
        assertThat(f.ledger.balance(ACME)).isEqualTo(new Balance(20, 0));
    }

    @Test
    void refusesToRefundWhatIsNotOneOfTheTenantsCharges() {
        f.topUps.topUp(ACME, 20, "inv-1");
        f.hold(ACME, "c1");
        long chargeId = f.settlements.settle(f.resolution(ACME, "c1", 1, ResolutionKind.CONFIRMED))
                .orElseThrow().chargeId();
        long topUpId = f.ledger.entries(ACME, Ledger.BEGINNING, Ledger.END, 0, 1)
                .getFirst().id();

        assertThatThrownBy(() -> f.settlements.refundCharge(GLOBEX, chargeId, "x"))
                .isInstanceOf(BillingException.NotFound.class);
        assertThatThrownBy(() -> f.settlements.refundCharge(ACME, topUpId, "x"))
                .isInstanceOf(BillingException.NotFound.class);
        assertThatThrownBy(() -> f.settlements.refundCharge(ACME, chargeId, " "))
                .isInstanceOf(BillingException.Invalid.class);
        assertThat(f.ledger.balance(ACME)).isEqualTo(new Balance(19, 0));
    }

    @Test
    void keepsTheBalanceRowEqualToTheSumOfTheLedger() {
        f.topUps.topUp(ACME, 30, "inv-1");
        for (int i = 0; i < 5; i++) {
            f.answer(ACME, "c" + i, 3);
        }
        f.settlements.settle(f.resolution(ACME, "c0", 2, ResolutionKind.CONFIRMED));
        f.settlements.releaseOnClose(ACME, new ConversationId("c1"), ChannelType.TEAMS, f.clock.instant());
        f.topUps.adjust(ACME, -3, "fix-1", "goodwill reversal");

        assertThat(f.ledger.sumOfEntries(ACME)).isEqualTo(f.ledger.balance(ACME));
        assertThat(f.ledger.balance(ACME)).isEqualTo(new Balance(30 - 2 - 3, 3 * 3));
    }

    @Test
    void keepsWorkingAfterTheConnectionThatRanTheMigrationsIsClosed() {
        // H2 2.4.240 ties IN-list CHECK constraints to the creating session (see V202611290302); Hikari retires that
        // connection after max-lifetime, which evicting every pooled connection reproduces at once.
        ((com.zaxxer.hikari.HikariDataSource) f.dataSource).getHikariPoolMXBean().softEvictConnections();

        f.topUps.topUp(ACME, 10, "inv-1");
        f.hold(ACME, "c1");
        f.settlements.settle(f.resolution(ACME, "c1", 1, ResolutionKind.CONFIRMED));

        assertThat(f.ledger.balance(ACME)).isEqualTo(new Balance(9, 0));
    }
}
