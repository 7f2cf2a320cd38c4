package io.resolvehub.core.internal.bench;

import io.resolvehub.core.InboundIntake;
import io.resolvehub.core.InboundMessage;
import io.resolvehub.core.conversation.HandoffPolicy;
import io.resolvehub.core.internal.ConversationCore;
import io.resolvehub.core.internal.PipelineFixture;
import io.resolvehub.core.internal.PipelineProperties;
import io.resolvehub.core.testing.TestDatabase;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Acknowledgement latency of the durable intake (a benchmark, not a test): events arrive at a fixed rate (open
 * loop: latency counts from the moment an event was due, so a stall is not hidden), each {@code accept} is the
 * INSERT a connector waits for before answering the platform, while the workers answer every event through the
 * pipeline at the same time. 5 % of deliveries are platform retries of an earlier event. At the end it checks that
 * every event was answered exactly once and every retry was recognised.
 *
 * <p>Run: {@code java -cp <test classpath> io.resolvehub.core.internal.bench.IntakeLatencyBenchmark H2|POSTGRES
 * [events/s=200] [seconds=60] [workers=4]} (workers 0: the intake alone, nothing answered) (see docs/benchmarks.md for the full command).
 */
public final class IntakeLatencyBenchmark {

    public static void main(String[] args) throws Exception {
        TestDatabase db = TestDatabase.valueOf(args.length > 0 ? args[0] : "H2");
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        int workers = args.length > 3 ? Integer.parseInt(args[3]) : 4;

        try (PipelineFixture f = new PipelineFixture(db)) {
            f.pipelineProperties = new PipelineProperties(workers, Duration.ofSeconds(1), Duration.ofMinutes(5), 5,
                    Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(30), 3,
                    Duration.ofSeconds(5), Duration.ofMillis(100), null, null);
            ConversationCore hub = f.newInstance();
            f.connectChat(hub);
            hub.handoffPolicies().save(PipelineFixture.ACME, new HandoffPolicy(0.5, 50, HandoffPolicy.DEFAULT_HUMAN_PHRASES, true));
            hub.start();

            run(hub, rate, Math.min(5, seconds), "warm-up");
            if (workers > 0) awaitDrained(f);
            f.jdbc.sql("delete from conversation_turns").update();
            int sentBefore = f.channel.sent().size();

            Result r = run(hub, rate, seconds, "measured");
            long drainStart = System.nanoTime();
            if (workers == 0) {
                long[] sortedOnly = r.latenciesNanos.clone();
                Arrays.sort(sortedOnly);
                System.out.printf(Locale.ROOT, "%n%s intake only, %d events/s for %d s: %d accepted, %d retries recognised (of %d)%n"
                                + "ack latency ms: p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f%n", db, rate, seconds,
                        r.accepted.get(), r.duplicates.get(), r.retries, ms(sortedOnly, 0.50), ms(sortedOnly, 0.90),
                        ms(sortedOnly, 0.99), ms(sortedOnly, 0.999), sortedOnly[sortedOnly.length - 1] / 1e6);
                return;
            }
            awaitDrained(f);
            double drainSeconds = (System.nanoTime() - drainStart) / 1e9;

            long answered = f.jdbc.sql("select count(*) from conversation_turns where role = 'assistant'")
                    .query(Long.class).single();
            long distinctAnswered = f.jdbc.sql("select count(distinct inbound_event_id) from conversation_turns where role = 'assistant'")
                    .query(Long.class).single();
            long dead = f.jdbc.sql("select count(*) from inbound_events where status = 'dead'").query(Long.class).single();
            int sent = f.channel.sent().size() - sentBefore;

            long[] sorted = r.latenciesNanos.clone();
            Arrays.sort(sorted);
            System.out.printf(Locale.ROOT, "%n%s, %d events/s for %d s: %d accepted, %d retries recognised (of %d)%n",
                    db, rate, seconds, r.accepted.get(), r.duplicates.get(), r.retries);
            System.out.printf(Locale.ROOT, "ack latency ms: p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f%n",
                    ms(sorted, 0.50), ms(sorted, 0.90), ms(sorted, 0.99), ms(sorted, 0.999), sorted[sorted.length - 1] / 1e6);
            System.out.printf(Locale.ROOT, "answered %d (distinct events %d), replies sent %d, dead %d, backlog drained %.1f s after the last event%n",
                    answered, distinctAnswered, sent, dead, drainSeconds);
            boolean exact = answered == r.accepted.get() && distinctAnswered == answered && sent == answered && dead == 0
                    && r.duplicates.get() == r.retries;
            System.out.println(exact ? "OK: every event answered exactly once, every retry dropped"
                    : "ANOMALY: events lost or processed twice");
            hub.stop();
            if (!exact) System.exit(1);
        }
    }

    private record Result(long[] latenciesNanos, AtomicInteger accepted, AtomicInteger duplicates, int retries) {
    }

    private static Result run(ConversationCore hub, int rate, int seconds, String phase) throws InterruptedException {
        int total = rate * seconds;
        long periodNanos = 1_000_000_000L / rate;
        long[] latencies = new long[total];
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger duplicates = new AtomicInteger();
        InboundMessage[] sentEvents = new InboundMessage[total];
        int retries = 0;
        long start = System.nanoTime() + 50_000_000L;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < total; i++) {
                long due = start + i * periodNanos;
                long wait = due - System.nanoTime();
                if (wait > 0) LockSupport.parkNanos(wait);
                boolean retry = i > 20 && i % 20 == 0;
                InboundMessage m = retry ? sentEvents[i - 10]
                        : PipelineFixture.message("thread-" + phase + "-" + (i % Math.max(1, total / 5)), "question " + i);
                sentEvents[i] = m;
                if (retry) retries++;
                int index = i;
                pool.submit(() -> {
                    InboundIntake.Outcome outcome = hub.intake().accept(m);
                    latencies[index] = System.nanoTime() - due;
                    if (outcome == InboundIntake.Outcome.ACCEPTED) accepted.incrementAndGet();
                    else duplicates.incrementAndGet();
                });
            }
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
        return new Result(latencies, accepted, duplicates, retries);
    }

    private static void awaitDrained(PipelineFixture f) throws InterruptedException {
        while (f.jdbc.sql("select count(*) from inbound_events where status in ('received','processing')")
                .query(Long.class).single() > 0) {
            Thread.sleep(200);
        }
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }
}
