package io.resolvehub.billing;

import io.resolvehub.core.ChannelType;
import io.resolvehub.core.ConversationId;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.context.ApplicationContext;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Races, crashes and overdraw attempts against a real database, H2 and PostgreSQL. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class ConcurrentSettlementTest {

    private static final TenantId ACME = new TenantId("acme");

    @Parameter
    TestDatabase db;

    private PipelineSimulation pipeline;

    @BeforeEach
    void freshDatabase() {
        pipeline = new PipelineSimulation(db);
    }

    @Test
    void chargesEachOf200ConversationsOnceWhen32ThreadsResolveEachThreeTimes() {
        pipeline.run(context -> {
            context.getBean(TopUps.class).topUp(ACME, 10_000, "inv-1");
            var meter = context.getBean(HoldingCoinMeter.class);
            long expectedCharges = 0;
            List<Callable<Void>> attempts = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String conversation = "c" + i;
                int aiAnswers = 1 + i % 7;
                expectedCharges += Math.min(5, aiAnswers);
                pipeline.open(conversation);
                for (int answer = 1; answer <= aiAnswers; answer++) {
                    assertThat(meter.holdFor(ACME, new ConversationId(conversation), ChannelType.WEB, answer)).isTrue();
                }
                for (int attempt = 0; attempt < 3; attempt++) {
                    attempts.add(() -> {
                        pipeline.resolve(context, ACME, conversation, aiAnswers, () -> { });
                        return null;
                    });
                }
            }
            Collections.shuffle(attempts, new Random(42));

            runConcurrently(32, attempts);

            var ledger = context.getBean(Ledger.class);
            assertThat(pipeline.jdbc.sql("SELECT COUNT(*) FROM billing_ledger WHERE entry_type = 'charge'")
                    .query(Long.class).single()).isEqualTo(200);
            assertThat(pipeline.jdbc.sql("SELECT SUM(attempts) FROM test_conversations").query(Long.class).single())
                    .as("every attempt committed; the repeats charged nothing").isEqualTo(600);
            assertThat(ledger.balance(ACME)).isEqualTo(new Balance(10_000 - expectedCharges, 0));
            assertThat(ledger.sumOfEntries(ACME)).isEqualTo(ledger.balance(ACME));
        });
    }

    @Test
    void grantsExactlyTenOfThirtyConcurrentFirstAnswersWhenTenCoinsAreAvailable() {
        pipeline.run(context -> {
            context.getBean(TopUps.class).topUp(ACME, 10, "inv-1");
            var meter = context.getBean(HoldingCoinMeter.class);
            List<Callable<Boolean>> holds = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                var conversation = new ConversationId("c" + i);
                holds.add(() -> meter.holdFor(ACME, conversation, ChannelType.SLACK, 1));
            }

            List<Boolean> outcomes = runConcurrently(30, holds);

            assertThat(outcomes).filteredOn(granted -> granted).hasSize(10);
            assertThat(outcomes).filteredOn(granted -> !granted).hasSize(20);
            var ledger = context.getBean(Ledger.class);
            assertThat(ledger.balance(ACME)).isEqualTo(new Balance(10, 10));
            assertThat(ledger.balance(ACME).available()).isZero();
            assertThat(ledger.sumOfEntries(ACME)).isEqualTo(ledger.balance(ACME));
        });
    }

    @Test
    void holdsOnceWhenSixteenThreadsHoldTheSameConversation() {
        pipeline.run(context -> {
            context.getBean(TopUps.class).topUp(ACME, 100, "inv-1");
            var meter = context.getBean(HoldingCoinMeter.class);
            List<Callable<Boolean>> holds = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                holds.add(() -> meter.holdFor(ACME, new ConversationId("same"), ChannelType.ZENDESK, 1));
            }

            assertThat(runConcurrently(16, holds)).containsOnly(true);

            assertThat(context.getBean(Ledger.class).balance(ACME)).isEqualTo(new Balance(100, 1));
            assertThat(pipeline.jdbc.sql("SELECT COUNT(*) FROM billing_ledger WHERE entry_type = 'hold'")
                    .query(Long.class).single()).isOne();
        });
    }

    @Test
    void creditsOnceWhenSixteenThreadsSendTheSameTopUp() {
        pipeline.run(context -> {
            var topUps = context.getBean(TopUps.class);
            List<Callable<TopUpResult>> sends = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                sends.add(() -> topUps.topUp(ACME, 250, "payment-42"));
            }

            List<TopUpResult> results = runConcurrently(16, sends);

            assertThat(results).filteredOn(r -> !r.replayed()).hasSize(1);
            assertThat(results).extracting(r -> r.entry().id()).containsOnly(results.getFirst().entry().id());
            assertThat(context.getBean(Ledger.class).balance(ACME)).isEqualTo(new Balance(250, 0));
        });
    }

    @Test
    void leavesNeitherChargeNorStateChangeWhenTheConnectionIsKilledBeforeCommit() {
        pipeline.run(context -> {
            context.getBean(TopUps.class).topUp(ACME, 100, "inv-1");
            pipeline.open("c1");
            var meter = context.getBean(HoldingCoinMeter.class);
            meter.holdFor(ACME, new ConversationId("c1"), ChannelType.WEB, 1);
            meter.holdFor(ACME, new ConversationId("c1"), ChannelType.WEB, 2);

            assertThatThrownBy(() -> pipeline.resolve(context, ACME, "c1", 2, () -> {
                assertThat(chargeRowsSeenBy(pipeline)).as("the charge is written inside the transaction").isOne();
                pipeline.killCurrentTransactionsConnection();
            })).isInstanceOf(RuntimeException.class);
            pipeline.evictPool();

            assertThat(pipeline.status("c1")).isEqualTo("open");
            assertThat(countCharges()).isZero();
            assertThat(context.getBean(Ledger.class).balance(ACME)).isEqualTo(new Balance(100, 2));

            pipeline.resolve(context, ACME, "c1", 2, () -> { });
            assertThat(pipeline.status("c1")).isEqualTo("resolved");
            assertThat(countCharges()).isOne();
            assertThat(context.getBean(Ledger.class).balance(ACME)).isEqualTo(new Balance(98, 0));
        });
    }

    @Test
    void leavesNeitherChargeNorStateChangeWhenThePipelineFailsAfterTheCharge() {
        pipeline.run(context -> {
            context.getBean(TopUps.class).topUp(ACME, 100, "inv-1");
            pipeline.open("c1");
            context.getBean(HoldingCoinMeter.class).holdFor(ACME, new ConversationId("c1"), ChannelType.WEB, 1);

            assertThatThrownBy(() -> pipeline.resolve(context, ACME, "c1", 1, () -> {
                throw new IllegalStateException("the channel API failed after the charge");
            })).hasMessageContaining("channel API failed");

            assertThat(pipeline.status("c1")).isEqualTo("open");
            assertThat(countCharges()).isZero();
            assertThat(context.getBean(Ledger.class).balance(ACME)).isEqualTo(new Balance(100, 1));
        });
    }

    private long countCharges() {
        return pipeline.jdbc.sql("SELECT COUNT(*) FROM billing_ledger WHERE entry_type = 'charge'")
                .query(Long.class).single();
    }

    /** Counted on the transaction's own connection (JdbcClient joins it). */
    private static long chargeRowsSeenBy(PipelineSimulation pipeline) {
        return pipeline.jdbc.sql("SELECT COUNT(*) FROM billing_ledger WHERE entry_type = 'charge'")
                .query(Long.class).single();
    }

    /** Runs the tasks on {@code threads} threads released together; rethrows the first failure. */
    static <T> List<T> runConcurrently(int threads, List<Callable<T>> tasks) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (Exception e) {
            throw new AssertionError("a concurrent task failed", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
