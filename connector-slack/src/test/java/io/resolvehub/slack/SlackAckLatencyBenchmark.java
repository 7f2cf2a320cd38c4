package io.resolvehub.slack;

import io.resolvehub.core.testing.TestDatabase;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.net.http.HttpResponse;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * How fast {@code POST /slack/events} acknowledges (Slack allows 3 s): signed {@code app_mention} deliveries over
 * loopback, each verified, translated and stored by connector-core's durable intake before the 200, while the
 * pipeline's workers answer them through the fake Slack Web API. Every 10th delivery is sent twice (a Slack retry).
 * A benchmark, not a test: run with
 * {@code ./mvnw -B -o -pl connector-slack test -Dtest=SlackAckLatencyBenchmark -Dbenchmark=slack-ack -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "slack-ack")
class SlackAckLatencyBenchmark {

    private static final int WARMUP = 300;
    private static final int EVENTS = 3000;
    private static final int RATE_PER_SECOND = 100;
    private static final int CLIENTS = 8;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void acknowledgesSignedEventsWhileThePipelineAnswersThem(TestDatabase database) throws Exception {
        try (SlackPipelineHub hub = new SlackPipelineHub(database)) {
            String template = SlackHub.sample("events/app_mention.json");
            run(hub, template, "warm", WARMUP);
            awaitAnswered(hub, WARMUP);

            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            long started = System.nanoTime();
            AtomicInteger non200 = run(hub, template, "bench", EVENTS, latencies);
            double seconds = (System.nanoTime() - started) / 1e9;
            awaitAnswered(hub, WARMUP + EVENTS);

            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            long stored = hub.jdbc().sql("select count(*) from inbound_events").query(Long.class).single();
            long answers = hub.slack.calls("chat.postMessage").size();
            String line = "| %s | %d (+%d retries) | %.0f/s | %.1f | %.1f | %.1f | %.1f | %d | %d stored, %d answered |".formatted(
                    database, EVENTS, EVENTS / 10, (EVENTS + EVENTS / 10) / seconds,
                    ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99), sorted.getLast() / 1e6,
                    non200.get(), stored, answers);
            System.out.println(line);
            Files.writeString(Path.of("target/slack-ack-benchmark.md"), line + System.lineSeparator(),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            assertThat(non200).hasValue(0);
            assertThat(stored).isEqualTo(WARMUP + EVENTS);
            assertThat(answers).isEqualTo(WARMUP + EVENTS);
        }
    }

    private static AtomicInteger run(SlackPipelineHub hub, String template, String prefix, int count) throws Exception {
        return run(hub, template, prefix, count, Collections.synchronizedList(new ArrayList<>()));
    }

    /** Sends {@code count} distinct mentions (each its own thread) at a fixed rate; every 10th is delivered twice. */
    private static AtomicInteger run(SlackPipelineHub hub, String template, String prefix, int count, List<Long> latencies)
            throws Exception {
        AtomicInteger non200 = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> sent = new ArrayList<>();
        long interval = 1_000_000_000L / RATE_PER_SECOND;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait); // pacing the load generator, not a timed assertion
            }
            String ts = "17%08d.%06d".formatted(i, prefix.hashCode() & 0xffff);
            String body = template.replace("Ev0MENTION01", "Ev" + prefix + i).replace("1700000000.000100", ts);
            int deliveries = i % 10 == 0 ? 2 : 1;
            sent.add(clients.submit(() -> {
                for (int d = 0; d < deliveries; d++) {
                    long t0 = System.nanoTime();
                    HttpResponse<String> response = hub.post("application/json", body);
                    latencies.add(System.nanoTime() - t0);
                    if (response.statusCode() != 200) non200.incrementAndGet();
                }
            }));
        }
        for (Future<?> f : sent) f.get();
        clients.shutdown();
        return non200;
    }

    private static void awaitAnswered(SlackPipelineHub hub, int count) {
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200))
                .until(() -> hub.slack.calls("chat.postMessage").size() >= count);
    }

    private static double ms(List<Long> sorted, double quantile) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(quantile * sorted.size()) - 1)) / 1e6;
    }
}
