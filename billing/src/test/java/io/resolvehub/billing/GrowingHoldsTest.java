package io.resolvehub.billing;

import io.resolvehub.core.ChannelType;
import io.resolvehub.core.ConversationId;
import io.resolvehub.core.HandoffReason;
import io.resolvehub.core.ResolutionKind;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;

import static io.resolvehub.billing.ConcurrentSettlementTest.runConcurrently;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Holds that grow with the conversation, on H2 and PostgreSQL: the acceptance case, conversations held the
 * old way (maxCoins up front) across the upgrade, and growth racing with other work.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class GrowingHoldsTest {

    private static final TenantId ACME = new TenantId("acme");

    @Parameter
    TestDatabase db;

    private BillingFixture f;

    @BeforeEach
    void freshDatabase() {
        f = new BillingFixture(db);
    }

    @Test
    void servesSixOneAnswerConversationsOnSixtyCoinsAtBaseTenAndRefusesTheSeventh() {
        f.pricing.put(ACME, new Pricing(10, 5, 40, 0));
        f.topUps.topUp(ACME, 60, "inv-1");

        List<Boolean> outcomes = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            outcomes.add(f.hold(ACME, "c" + i));
        }

        assertThat(outcomes).containsExactly(true, true, true, true, true, true, false);
        assertThat(f.ledger.balance(ACME)).isEqualTo(new Balance(60, 60));
        LedgerInvariants.check(f.jdbc, f.ledger, ACME, "(acceptance)");
    }

    @Test
    void keepsTheMaxCoinsHoldOfAConversationHeldBeforeTheUpgradeUntilItEnds() {
        f.topUps.topUp(ACME, 100, "inv-1");
        Pricing old = Pricing.DEFAULT;   // 1 + 1 per extra answer, at most 5
        assertThat(LegacyHolds.hold(f.jdbc, f.tx, ACME, "old-resolved", old, f.clock.instant())).isTrue();
        assertThat(LegacyHolds.hold(f.jdbc, f.tx, ACME, "old-handed-off", old, f.clock.instant())).isTrue();
        assertThat(f.ledger.balance(ACME).held()).isEqualTo(10);

        assertThat(f.answer(ACME, "old-resolved", 3)).isTrue();
        assertThat(f.answer(ACME, "old-handed-off", 7)).isTrue();
        assertThat(f.ledger.balance(ACME).held()).as("they already hold enough: nothing grows").isEqualTo(10);
        assertThat(f.answer(ACME, "new", 1)).isTrue();
        assertThat(f.ledger.balance(ACME).held()).as("a new conversation holds baseCoins").isEqualTo(11);

        Receipt receipt = f.settlements.settle(f.resolution(ACME, "old-resolved", 3, ResolutionKind.CONFIRMED))
                .orElseThrow();
        f.settlements.releaseOnHandoff(ACME, new ConversationId("old-handed-off"), ChannelType.SLACK,
                HandoffReason.MAX_TURNS, f.clock.instant());

        assertThat(receipt.coins()).isEqualTo(3);
        assertThat(f.ledger.ofConversation(ACME, new ConversationId("old-resolved")))
                .extracting(LedgerEntry::type, LedgerEntry::coins)
                .containsExactly(tuple(EntryType.HOLD, 5L), tuple(EntryType.CHARGE, 3L), tuple(EntryType.RELEASE, 2L));
        assertThat(f.ledger.balance(ACME)).isEqualTo(new Balance(97, 1));
        LedgerInvariants.check(f.jdbc, f.ledger, ACME, "(after the upgrade)");
    }

    @Test
    void growsHoldsRacingWithOtherConversationsFirstHoldsWithoutOverdrawing() {
        f.topUps.topUp(ACME, 15, "inv-1");
        for (int i = 0; i < 10; i++) {
            assertThat(f.hold(ACME, "old-" + i)).isTrue();   // 10 held, 5 available
        }
        List<Callable<Boolean>> holds = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            var growing = new ConversationId("old-" + i);
            var starting = new ConversationId("new-" + i);
            holds.add(() -> f.meter.holdFor(ACME, growing, ChannelType.SLACK, 2));
            holds.add(() -> f.meter.holdFor(ACME, starting, ChannelType.SLACK, 1));
        }
        Collections.shuffle(holds, new Random(7));

        List<Boolean> outcomes = runConcurrently(20, holds);

        assertThat(outcomes).as("each granted step took 1 of the 5 available").filteredOn(granted -> granted).hasSize(5);
        assertThat(f.ledger.balance(ACME)).isEqualTo(new Balance(15, 15));
        LedgerInvariants.check(f.jdbc, f.ledger, ACME, "(growth racing first holds)");
    }

    @Test
    void growsAndSettlesTheSameConversationAtOnceWithoutLosingACoin() {
        f.topUps.topUp(ACME, 1000, "inv-1");
        List<Callable<Object>> work = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String c = "c" + i;
            assertThat(f.answer(ACME, c, 2)).isTrue();
            var id = new ConversationId(c);
            boolean resolves = i % 2 == 0;
            work.add(() -> f.meter.holdFor(ACME, id, ChannelType.SLACK, 3));
            work.add(() -> f.meter.holdFor(ACME, id, ChannelType.SLACK, 4));
            work.add(() -> resolves
                    ? f.settlements.settle(f.resolution(ACME, c, 2, ResolutionKind.ASSUMED))
                    : f.settlements.releaseOnHandoff(ACME, id, ChannelType.SLACK, HandoffReason.LOW_CONFIDENCE,
                    f.clock.instant()));
        }
        Collections.shuffle(work, new Random(11));

        runConcurrently(16, work);

        assertThat(f.ledger.balance(ACME)).as("every hold ended: charged 2 each for 20, the rest released")
                .isEqualTo(new Balance(1000 - 20 * 2, 0));
        LedgerInvariants.check(f.jdbc, f.ledger, ACME, "(growth racing settlement)");
    }
}
