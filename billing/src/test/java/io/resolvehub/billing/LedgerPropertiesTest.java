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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Property-style tests: seeded random interleavings of hold, charge, release, refund, top-up, adjustment and price
 * changes. Sequentially, an in-memory model predicts every outcome and the exact balance; concurrently, the
 * invariants must hold whatever the interleaving. A failing seed is printed in the assertion and replays exactly.
 */
class LedgerPropertiesTest {

    private static final TenantId ACME = new TenantId("acme");
    private static final int CONVERSATIONS = 25;

    static Stream<Arguments> databasesAndSeeds() {
        return Stream.of(TestDatabase.values())
                .flatMap(db -> Stream.of(1L, 2L, 3L, 4L).map(seed -> Arguments.of(db, seed)));
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("databasesAndSeeds")
    void randomSequencesMatchTheModelAndKeepTheInvariants(TestDatabase db, long seed) {
        var f = new BillingFixture(db);
        var model = new Model();
        var random = new Random(seed);
        for (int step = 0; step < 250; step++) {
            String context = "(seed " + seed + ", step " + step + ")";
            String op = model.apply(f, random, context);
            LedgerInvariants.check(f.jdbc, f.ledger, ACME, context + " after " + op);
            assertThat(f.ledger.balance(ACME)).as("model balance " + context + " after " + op)
                    .isEqualTo(new Balance(model.balance, model.held));
        }
    }

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
                case 0 -> f.meter.holdFor(ACME, conversation, ChannelType.SLACK);
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

    /** What the ledger should say, computed without a database. */
    private static final class Model {
        long balance;
        long held;
        Pricing pricing = Pricing.DEFAULT;
        final Map<String, Conversation> conversations = new HashMap<>();
        final Map<String, Long> references = new HashMap<>();
        final Map<Long, String> charges = new HashMap<>();

        record Conversation(String status, long heldCoins, Pricing pricing, long charged, ResolutionKind kind) {
            Conversation with(String newStatus) {
                return new Conversation(newStatus, heldCoins, pricing, charged, kind);
            }
        }

        long available() {
            return balance - held;
        }

        String apply(BillingFixture f, Random random, String context) {
            String c = "c" + random.nextInt(CONVERSATIONS);
            var id = new ConversationId(c);
            Conversation state = conversations.get(c);
            int kind = random.nextInt(100);
            if (kind < 22) {
                boolean expected;
                if (state != null) {
                    expected = !state.status.equals("refused");
                } else if (available() >= pricing.maxCoins()) {
                    held += pricing.maxCoins();
                    conversations.put(c, new Conversation("held", pricing.maxCoins(), pricing, 0, null));
                    expected = true;
                } else {
                    conversations.put(c, new Conversation("refused", 0, pricing, 0, null));
                    expected = false;
                }
                assertThat(f.meter.holdFor(ACME, id, ChannelType.TEAMS)).as("hold " + c + " " + context)
                        .isEqualTo(expected);
                return "hold " + c;
            }
            if (kind < 44) {
                int answers = 1 + random.nextInt(8);
                ResolutionKind how = ResolutionKind.values()[random.nextInt(3)];
                var receipt = f.settlements.settle(new ConversationResolved(ACME, id,
                        ChannelType.TEAMS, answers, how, f.clock.instant()));
                if (state == null) {
                    long price = pricing.chargeFor(answers);
                    if (available() >= price) {
                        balance -= price;
                        conversations.put(c, new Conversation("charged", 0, pricing, price, how));
                        assertThat(receipt).as("unheld charge " + context).isPresent();
                        assertThat(receipt.get().coins()).isEqualTo(price);
                        charges.put(receipt.get().chargeId(), c);
                    } else {
                        conversations.put(c, new Conversation("unbilled", 0, pricing, 0, how));
                        assertThat(receipt).as("unbilled " + context).isEmpty();
                    }
                } else if (state.status.equals("held")) {
                    Pricing p = state.pricing;
                    long price = Math.min(state.heldCoins,
                            p.baseCoins() + p.coinsPerExtraAnswer() * (answers - 1L));
                    balance -= price;
                    held -= state.heldCoins;
                    conversations.put(c, new Conversation("charged", state.heldCoins, p, price, how));
                    assertThat(receipt).as("charge " + context).isPresent();
                    assertThat(receipt.get().coins()).as("price " + context).isEqualTo(price);
                    charges.put(receipt.get().chargeId(), c);
                } else if (state.status.equals("closed")) {
                    Pricing p = state.pricing;
                    long price = Math.min(p.maxCoins(), p.baseCoins() + p.coinsPerExtraAnswer() * (answers - 1L));
                    if (available() >= price) {
                        balance -= price;
                        conversations.put(c, new Conversation("charged", state.heldCoins, p, price, how));
                        assertThat(receipt).as("reopened charge " + context).isPresent();
                        assertThat(receipt.get().coins()).isEqualTo(price);
                        charges.put(receipt.get().chargeId(), c);
                    } else {
                        conversations.put(c, state.with("unbilled"));
                        assertThat(receipt).as("reopened, unbilled " + context).isEmpty();
                    }
                } else {
                    assertThat(receipt).as("settled once " + context).isEmpty();
                }
                return "resolve " + c + " after " + answers;
            }
            if (kind < 56) {
                boolean handoff = random.nextBoolean();
                boolean released = handoff
                        ? f.settlements.releaseOnHandoff(ACME, id, ChannelType.TEAMS,
                        HandoffReason.LOW_CONFIDENCE, f.clock.instant())
                        : f.settlements.releaseOnClose(ACME, id, ChannelType.TEAMS, f.clock.instant());
                boolean expected = state != null && state.status.equals("held");
                if (expected) {
                    held -= state.heldCoins;
                    conversations.put(c, state.with(handoff ? "released" : "closed"));
                }
                assertThat(released).as("release " + c + " " + context).isEqualTo(expected);
                return "release " + c;
            }
            if (kind < 64) {
                var refund = f.settlements.refundReopened(ACME, id, f.clock.instant());
                boolean expected = state != null && state.status.equals("charged")
                        && state.kind == ResolutionKind.ASSUMED;
                if (expected) {
                    balance += state.charged;
                    conversations.put(c, state.with("refunded"));
                }
                assertThat(refund.isPresent()).as("reopen refund " + c + " " + context).isEqualTo(expected);
                return "reopen " + c;
            }
            if (kind < 72 && !charges.isEmpty()) {
                long chargeId = new ArrayList<>(charges.keySet()).get(random.nextInt(charges.size()));
                Conversation charged = conversations.get(charges.get(chargeId));
                if (charged.status.equals("charged")) {
                    f.settlements.refundCharge(ACME, chargeId, "dispute");
                    balance += charged.charged;
                    conversations.put(charges.get(chargeId), charged.with("refunded"));
                } else {
                    assertThatThrownBy(() -> f.settlements.refundCharge(ACME, chargeId, "dispute"))
                            .isInstanceOf(BillingException.Conflict.class);
                }
                return "admin refund " + chargeId;
            }
            if (kind < 86) {
                String reference = "ref-" + random.nextInt(12);
                long coins = 1 + random.nextInt(12);
                Long earlier = references.get(reference);
                if (earlier == null) {
                    f.topUps.topUp(ACME, coins, reference);
                    references.put(reference, coins);
                    balance += coins;
                } else if (earlier == coins) {
                    assertThat(f.topUps.topUp(ACME, coins, reference).replayed()).isTrue();
                } else {
                    assertThatThrownBy(() -> f.topUps.topUp(ACME, coins, reference))
                            .isInstanceOf(BillingException.Conflict.class);
                }
                return "top-up " + reference + " " + coins;
            }
            if (kind < 94) {
                String reference = "adj-" + random.nextInt(8);
                long coins = random.nextBoolean() ? 1 + random.nextInt(4) : -(1 + random.nextInt(6));
                Long earlier = references.get(reference);
                if (earlier == null && (coins > 0 || available() >= -coins)) {
                    f.topUps.adjust(ACME, coins, reference, "correction");
                    references.put(reference, coins);
                    balance += coins;
                } else if (earlier != null && earlier == coins) {
                    assertThat(f.topUps.adjust(ACME, coins, reference, "correction").replayed()).isTrue();
                } else {
                    assertThatThrownBy(() -> f.topUps.adjust(ACME, coins, reference, "correction"))
                            .isInstanceOf(BillingException.Conflict.class);
                }
                return "adjust " + reference + " " + coins;
            }
            long max = 1 + random.nextInt(8);
            pricing = new Pricing(1 + random.nextInt((int) max), random.nextInt(3), max, random.nextInt(20));
            f.pricing.put(ACME, pricing);
            return "pricing " + pricing;
        }
    }
}
