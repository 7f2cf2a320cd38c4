package io.resolvehub.zendesk;

import io.resolvehub.core.testing.TestDatabase;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.resolvehub.zendesk.ZendeskFixtures.BOT_USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * How fast {@code POST /zendesk/webhook/{tenant}} acknowledges: signed deliveries over loopback to the real Tomcat
 * servlet, each verified, checked against the invocation table and its change notice stored by connector-core's durable
 * intake before the 200, while the pipeline's workers read every ticket (ticket, comments and requester) and answer it
 * through the fake (ticket and comments read again, one update).
 * Every 10th delivery is sent twice (a Zendesk redelivery, same invocation id). A benchmark, not a test: run with
 * {@code ./mvnw -B -o -pl connector-zendesk test -Dtest=ZendeskWebhookLatencyBenchmark -Dbenchmark=zendesk-webhook -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "zendesk-webhook")
class ZendeskWebhookLatencyBenchmark {

    private static final int WARMUP = 100;
    private static final int DELIVERIES = 1000;
    private static final int RATE_PER_SECOND = 40;
    private static final int CLIENTS = 8;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void acknowledgesSignedTicketWebhooks(TestDatabase database) throws Exception {
        try (ZendeskPipelineHub hub = new ZendeskPipelineHub(database)) {
            run(hub, 1, WARMUP);
            long first = 1_000_000L;
            List<Double> millis = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger failures = new AtomicInteger();
            long start = System.nanoTime();
            try (ExecutorService clients = Executors.newFixedThreadPool(CLIENTS)) {
                List<Future<?>> sent = new ArrayList<>();
                for (int i = 0; i < DELIVERIES; i++) {
                    long ticket = first + i;
                    long due = start + TimeUnit.SECONDS.toNanos(1) * i / RATE_PER_SECOND;
                    sent.add(clients.submit(() -> {
                        sleepUntil(due);
                        hub.zendesk.addTicket(ticket, ZendeskFixtures.REQUESTER, "Password reset", "How do I reset my password?");
                        int times = ticket % 10 == 0 ? 2 : 1;
                        for (int t = 0; t < times; t++) {
                            long begin = System.nanoTime();
                            int status = hub.webhook(ticket, "bench-" + ticket).statusCode();
                            millis.add((System.nanoTime() - begin) / 1e6);
                            if (status != 200) failures.incrementAndGet();
                        }
                    }));
                }
                for (Future<?> f : sent) f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> answered(hub, first, DELIVERIES) == DELIVERIES);
            long twice = countAnsweredTwice(hub, first, DELIVERIES);
            assertThat(twice).isZero();
            List<Double> sorted = new ArrayList<>(millis);
            Collections.sort(sorted);
            String row = String.format(java.util.Locale.ROOT, "| %s | %d (+%d redeliveries) | %.0f/s | %.1f | %.1f | %.1f | %.1f | %d | %d answered once |%n",
                    database, DELIVERIES, DELIVERIES / 10, DELIVERIES / seconds, pct(sorted, 50), pct(sorted, 95),
                    pct(sorted, 99), sorted.getLast(), failures.get(), DELIVERIES);
            System.out.print(row);
            Files.writeString(Path.of("target/zendesk-webhook-benchmark.md"), row, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    private static void run(ZendeskPipelineHub hub, long first, int count) {
        for (long t = first; t < first + count; t++) {
            hub.zendesk.addTicket(t, ZendeskFixtures.REQUESTER, "Password reset", "How do I reset my password?");
            hub.webhook(t, "warmup-" + t);
        }
        await().atMost(Duration.ofMinutes(1)).until(() -> answered(hub, first, count) == count);
    }

    private static long answered(ZendeskPipelineHub hub, long first, int count) {
        long n = 0;
        for (long t = first; t < first + count; t++) {
            if (hub.zendesk.comments(t).stream().anyMatch(c -> c.get("author_id").asLong() == BOT_USER)) n++;
        }
        return n;
    }

    private static long countAnsweredTwice(ZendeskPipelineHub hub, long first, int count) {
        long n = 0;
        for (long t = first; t < first + count; t++) {
            if (hub.zendesk.comments(t).stream().filter(c -> c.get("author_id").asLong() == BOT_USER).count() > 1) n++;
        }
        return n;
    }

    private static double pct(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static void sleepUntil(long nanoTime) {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
