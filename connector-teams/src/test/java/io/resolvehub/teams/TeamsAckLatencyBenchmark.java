package io.resolvehub.teams;

import io.resolvehub.core.testing.TestDatabase;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

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
 * How fast {@code POST /teams/messages} acknowledges (the Bot Framework Service gives up after about 15 s): personal
 * chat messages over loopback, each with a Bot Framework JWT that the SDK validates (RS256 against the fake's JWKS,
 * audience, issuer, serviceurl, lifetime), translated and stored by connector-core's durable intake before the 200,
 * while the pipeline's workers answer every one through the fake Bot Connector. Every 10th delivery is sent twice (a
 * redelivery, same activity id). A benchmark, not a test: run with
 * {@code ./mvnw -B -o -pl connector-teams test -Dtest=TeamsAckLatencyBenchmark -Dbenchmark=teams-ack -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "teams-ack")
class TeamsAckLatencyBenchmark {

    private static final String CHAT = "a:1xB5xbvpYbH9nLUHVEjUVGwvuR0Tg3fN6GS8Pc7P1eS8KjqtR2jtcYA6ZsQJvBX9qxhQfuVCyLtuXxKkd3NtAQDl8n7kFL6xMVxL2VBJQwa5YBCJDmH5AkwQ";
    private static final int WARMUP = 200;
    private static final int ACTIVITIES = 1500;
    private static final int RATE_PER_SECOND = 50;
    private static final int CLIENTS = 8;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void acknowledgesAuthenticatedActivitiesWhileThePipelineAnswersThem(TestDatabase database) throws Exception {
        try (TeamsPipelineHub hub = new TeamsPipelineHub(database)) {
            hub.botFramework.reset();
            String template = TeamsHub.activity("personal_message", hub.botFramework);
            String token = hub.botFramework.token(TeamsHub.APP_ID, hub.botFramework.serviceUrl());
            run(hub, template, token, "warm", WARMUP, Collections.synchronizedList(new ArrayList<>()));
            awaitAnswered(hub, WARMUP);

            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            long started = System.nanoTime();
            AtomicInteger non200 = run(hub, template, token, "bench", ACTIVITIES, latencies);
            double seconds = (System.nanoTime() - started) / 1e9;
            awaitAnswered(hub, WARMUP + ACTIVITIES);

            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            long stored = hub.jdbc().sql("select count(*) from inbound_events").query(Long.class).single();
            long answers = replies(hub);
            String line = "| %s | %d (+%d redeliveries) | %.0f/s | %.1f | %.1f | %.1f | %.1f | %d | %d stored, %d answered |".formatted(
                    database, ACTIVITIES, ACTIVITIES / 10, (ACTIVITIES + ACTIVITIES / 10) / seconds,
                    ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99), sorted.getLast() / 1e6,
                    non200.get(), stored, answers);
            System.out.println(line);
            Files.writeString(Path.of("target/teams-ack-benchmark.md"), line + System.lineSeparator(),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            assertThat(non200).hasValue(0);
            assertThat(stored).isEqualTo(WARMUP + ACTIVITIES);
            assertThat(answers).isEqualTo(WARMUP + ACTIVITIES);
        }
    }

    /** Sends {@code count} messages, each in its own personal chat, at a fixed rate; every 10th is delivered twice. */
    private static AtomicInteger run(TeamsPipelineHub hub, String template, String token, String prefix, int count,
                                     List<Long> latencies) throws Exception {
        AtomicInteger non200 = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> sent = new ArrayList<>();
        long interval = 1_000_000_000L / RATE_PER_SECOND;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long wait = start + i * interval - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait); // pacing the load generator, not a timed assertion
            }
            String body = template.replace(CHAT, "a:1" + prefix + i + "x" + CHAT.substring(5));
            int deliveries = i % 10 == 0 ? 2 : 1;
            sent.add(clients.submit(() -> {
                for (int d = 0; d < deliveries; d++) {
                    long t0 = System.nanoTime();
                    HttpResponse<String> response = hub.post(body, token);
                    latencies.add(System.nanoTime() - t0);
                    if (response.statusCode() != 200) non200.incrementAndGet();
                }
            }));
        }
        for (Future<?> f : sent) f.get();
        clients.shutdown();
        return non200;
    }

    private static long replies(TeamsPipelineHub hub) {
        return hub.botFramework.posts("/amer/v3/conversations/").size();
    }

    private static void awaitAnswered(TeamsPipelineHub hub, int count) {
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200)).until(() -> replies(hub) >= count);
    }

    private static double ms(List<Long> sorted, double quantile) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(quantile * sorted.size()) - 1)) / 1e6;
    }
}
