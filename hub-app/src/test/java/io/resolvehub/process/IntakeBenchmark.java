package io.resolvehub.process;

import io.resolvehub.HubApplication;
import io.resolvehub.HubTestSupport;
import io.resolvehub.api.ApiClient;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * How fast the hub acknowledges Slack events (Slack gives 3 s), and that none is lost or answered twice.
 *
 * <p>Starts the whole hub in-process on H2 or a real PostgreSQL, sends signed {@code app_mention} events at a fixed
 * rate over loopback (each a new thread), records each acknowledgement's latency, then waits until every event has
 * been answered in Slack (a fake Web API) and checks the database: every event stored once, processed once, one reply
 * per thread. The tenant has no knowledge, so every reply is a hand-off: this measures the intake and pipeline, not
 * the agent (the agent has its own benchmarks). Run (docs/benchmarks.md):
 * <pre>./mvnw -q -pl hub-app test-compile exec:exec -Dbench=IntakeBenchmark -Dbench.args="h2 200 60"</pre>
 * Arguments: {@code h2|postgres}, events per second, seconds, optionally {@code acks-only}, and any
 * {@code --key=value} for the hub.
 */
public final class IntakeBenchmark {

    private static final String SECRET = "benchmark-signing-secret";

    public static void main(String[] args) throws Exception {
        String database = args.length > 0 ? args[0] : "h2";
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        // "acks-only" leaves the events unprocessed (no workers): the acknowledgement path alone, without the
        // pipeline competing for the two cores.
        boolean acksOnly = Arrays.asList(args).contains("acks-only");
        Path dataDir = Files.createTempDirectory("hub-bench-");
        EmbeddedPostgres postgres = database.equals("postgres") ? EmbeddedPostgres.builder().start() : null;

        try (FakeSlackWebApi slack = new FakeSlackWebApi()) {
            List<String> properties = new ArrayList<>(List.of(
                    "server.port=0", "hub.data-dir=" + dataDir, "hub.admin.api-token=" + HubTestSupport.API_TOKEN,
                    "hub.slack.signing-secret=" + SECRET, "hub.slack.api-url=" + slack.url(),
                    // The intake is under test, not the agent: with no knowledge every answer is a quick hand-off, so the
                    // backlog drains in minutes and "processed once" is checked for every event.
                    "hub.demo.enabled=false", "hub.pipeline.workers=" + (acksOnly ? 0 : 4),
                    "logging.level.root=WARN", "logging.level.io.resolvehub.process=INFO"));
            // Anything else given as --key=value goes to the hub, e.g. a datasource setting to compare.
            Arrays.stream(args).filter(a -> a.startsWith("--")).map(a -> a.substring(2)).forEach(properties::add);
            if (postgres != null) {
                properties.add("spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"));
                properties.add("spring.datasource.username=postgres");
            }
            // As command-line arguments: they outrank application.yml (default properties would not).
            ConfigurableApplicationContext hub = new SpringApplicationBuilder(HubApplication.class)
                    .run(properties.stream().map(p -> "--" + p).toArray(String[]::new));
            try {
                int port = ((WebServerApplicationContext) hub).getWebServer().getPort();
                run(database, rate, seconds, port, slack, JdbcClient.create(hub.getBean(javax.sql.DataSource.class)), acksOnly);
            } finally {
                hub.close();
            }
        } finally {
            if (postgres != null) postgres.close();
        }
    }

    private static void run(String database, int rate, int seconds, int port, FakeSlackWebApi slack, JdbcClient jdbc,
                            boolean acksOnly) throws Exception {
        ApiClient api = new ApiClient(port);
        api.putJson("/api/v1/tenants/default/channels/slack?verify=false", "{\"teamId\":\"T0HUBTEST\",\"botToken\":\"xoxb-bench\"}");
        api.postJson("/api/v1/tenants/default/topups", "{\"coins\":10000000,\"reference\":\"bench\"}");

        HttpClient http = HttpClient.newBuilder().executor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()).build();
        URI events = URI.create("http://127.0.0.1:" + port + "/slack/events");
        int total = rate * seconds;
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
        List<CompletableFuture<?>> inFlight = new ArrayList<>(total);
        long interval = 1_000_000_000L / rate;
        long cpuBefore = BenchmarkMachine.processCpuNanos();
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            LockSupport.parkNanos(start + i * interval - System.nanoTime());
            HttpRequest request = SlackEvents.signed(events, SECRET, mention(i));
            long sent = System.nanoTime();
            inFlight.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenAccept(response -> {
                latencies.add(System.nanoTime() - sent);
                statuses.add(response.statusCode());
            }));
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
        double sendSeconds = (System.nanoTime() - start) / 1e9;
        // the process's CPU while sending: with acks-only, what an acknowledgement costs (the generator included)
        double cpuMsPerEvent = (BenchmarkMachine.processCpuNanos() - cpuBefore) / 1e6 / total;

        Instant drainStart = Instant.now();
        while (!acksOnly && jdbc.sql("SELECT COUNT(*) FROM inbound_events WHERE status IN ('done', 'dead')").query(Long.class).single() < total
                && Duration.between(drainStart, Instant.now()).toMinutes() < 30) {
            Thread.sleep(500);
        }
        double drainSeconds = Duration.between(drainStart, Instant.now()).toMillis() / 1e3;
        Thread.sleep(1_000);

        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        long stored = jdbc.sql("SELECT COUNT(*) FROM inbound_events WHERE channel = 'slack'").query(Long.class).single();
        long dead = jdbc.sql("SELECT COUNT(*) FROM inbound_events WHERE status = 'dead'").query(Long.class).single();
        long answeredTwice = jdbc.sql("SELECT COUNT(*) FROM (SELECT inbound_event_id FROM conversation_turns "
                + "WHERE role = 'assistant' GROUP BY inbound_event_id HAVING COUNT(*) > 1) twice").query(Long.class).single();
        Map<String, Integer> repliesPerThread = new HashMap<>();
        slack.calls("chat.postMessage").forEach(c -> repliesPerThread.merge(c.form().get("thread_ts"), 1, Integer::sum));
        long threadsWithoutReply = total - repliesPerThread.size();
        long threadsWithSeveral = repliesPerThread.values().stream().filter(n -> n > 1).count();
        long non200 = statuses.stream().filter(s -> s != 200).count();

        System.out.printf("""

                intake benchmark — %s%s, %d signed Slack events at %d/s for %d s (sent in %.1f s)
                  acknowledgement latency ms: p50 %.1f  p90 %.1f  p99 %.1f  max %.1f
                  non-200 acknowledgements:   %d
                  events stored:              %d of %d   (lost: %d)
                  answered twice:             %d   dead-lettered: %d
                  threads without a reply:    %d   threads with more than one: %d
                  backlog drained in:         %.1f s after the last event
                  CPU while sending:          %.2f ms per event (process CPU; the generator included)
                """, database, acksOnly ? " (acks only, no workers)" : "", total, rate, seconds, sendSeconds,
                ms(sorted, 0.50), ms(sorted, 0.90), ms(sorted, 0.99), sorted[sorted.length - 1] / 1e6,
                non200, stored, total, total - stored, answeredTwice, dead,
                threadsWithoutReply, threadsWithSeveral, drainSeconds, cpuMsPerEvent);
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    /**
     * An {@code app_mention} shaped like Slack's, asking one of the sample questions, each in a channel of its own: the
     * hub paces its posts to about one per second per channel, as Slack asks, which would otherwise throttle the drain.
     */
    private static String mention(int i) {
        String[] questions = {"how do I reset my password?", "how can I export my notes as PDF?",
                "how do I invite a teammate?", "can I use the app offline?", "how do I turn on two-factor authentication?"};
        String ts = (1_700_000_000L + i) + ".000100";
        return SlackEvents.appMention("Ev0BENCH%07d".formatted(i), "CBENCH%05d".formatted(i), ts,
                questions[i % questions.length]);
    }

    private IntakeBenchmark() {
    }

}
