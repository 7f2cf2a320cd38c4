package io.resolvehub.billing;

import io.resolvehub.core.ChannelType;
import io.resolvehub.core.ConversationId;
import io.resolvehub.core.HandoffReason;
import io.resolvehub.core.ResolutionKind;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.event.ConversationResolved;
import io.resolvehub.core.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * Seeded random concurrent interleavings of holds that grow, charges, releases, refunds, top-ups and adjustments:
 * whatever the interleaving, the invariants must hold. (Sequences run one at a time are checked step by step against
 * a model in {@link MeterModelTest}.) A failing seed is printed in the assertion and replays the same operations.
 */
class LedgerPropertiesTest {

    private static final TenantId ACME = new TenantId("acme");
    private static final int CONVERSATIONS = 25;

    static Stream<Arguments> databasesAndConcurrentSeeds() {
        return Stream.of(TestDatabase.values()).flatMap(db -> Stream.of(1L, 2L).map(seed -> Arguments.of(db, seed)));
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("databasesAndConcurrentSeeds")
    void concurrentRandomInterleavingsKeepTheInvariants(TestDatabase db, long seed) {
        var f = new BillingFixture(db);
        f.topUps.topUp(ACME, 60, "seed-funds");
        List<Callable<Void>> workers = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            var random = new Random(seed * 100 + w);
            workers.add(() -> {
                for (int i = 0; i < 60; i++) {
                    randomOperation(f, random);
                }
                return null;
            });
        }

        ConcurrentSettlementTest.runConcurrently(8, workers);

        LedgerInvariants.check(f.jdbc, f.ledger, ACME, "(seed " + seed + ", concurrent)");
    }

    /** One random operation whose outcome is not predicted, only its invariants. */
    private static void randomOperation(BillingFixture f, Random random) {
        var conversation = new ConversationId("c" + random.nextInt(CONVERSATIONS));
        try {
            switch (random.nextInt(6)) {
                case 0 -> f.meter.holdFor(ACME, conversation, ChannelType.SLACK, 1 + random.nextInt(6));
                case 1 -> f.settlements.settle(new ConversationResolved(ACME, conversation,
                        ChannelType.SLACK, 1 + random.nextInt(8), ResolutionKind.values()[random.nextInt(3)],
                        f.clock.instant()));
                case 2 -> {
                    if (random.nextBoolean()) {
                        f.settlements.releaseOnHandoff(ACME, conversation, ChannelType.SLACK,
                                HandoffReason.USER_REQUEST, f.clock.instant());
                    } else {
                        f.settlements.releaseOnClose(ACME, conversation, ChannelType.SLACK, f.clock.instant());
                    }
                }
                case 3 -> f.settlements.refundReopened(ACME, conversation, f.clock.instant());
                case 4 -> f.topUps.topUp(ACME, 1 + random.nextInt(10), "ref-" + random.nextInt(40));
                default -> f.topUps.adjust(ACME, random.nextInt(7) - 4 == 0 ? 1 : random.nextInt(7) - 4,
                        "adj-" + random.nextInt(40), "correction");
            }
        } catch (BillingException expected) {
            // conflicting references and adjustments beyond the available coins are refused: part of the property
        }
    }
}
