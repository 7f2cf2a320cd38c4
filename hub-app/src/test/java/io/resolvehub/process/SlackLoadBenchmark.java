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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;

/**
 * The whole hub answering Slack under load: how fast it acknowledges while it answers, how fast the answers come, how
 * many it answers per second and per CPU second, and that none is lost or answered twice.
 *
 * <p>Starts the hub in-process as a new user would (the embedded default: H2 and Lucene, the real MiniLM model, the
 * sample help center loaded into tenant {@code default}; or a real PostgreSQL), connects a Slack workspace whose Web
 * API is an in-process fake, and sends signed {@code app_mention} events at a fixed rate (open loop: each event is due
 * at its slot, whatever the earlier ones took), each in a new thread, spread over {@code channels} channels, every
 * text different (a help-center question framed by one of several openings, with a reference number). A warm-up
 * (JIT, the model's first runs) precedes the measured run and is not counted. Measured per event: the
 * acknowledgement (request sent → 200) and the reply (request sent → the fake's {@code chat.postMessage} into its
 * thread). The load generator and the fake run in the same JVM, on the same cores, and their CPU is counted in the
 * CPU per answered event. Run (docs/benchmarks.md):
 * <pre>./mvnw -o -q -pl hub-app -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
 * cd hub-app && java -XX:+EnableDynamicAgentLoading --add-modules=jdk.incubator.vector -Djava.io.tmpdir=target \
 *   -cp target/test-classes:target/classes:$(cat target/bench.cp) io.resolvehub.process.SlackLoadBenchmark h2 200 30</pre>
 * Arguments: {@code h2|postgres}, events per second, seconds, optionally channels (default 400) and warm-up events
 * (default 400, at a quarter of the rate), then any {@code --key=value} for the hub.
 */
public final class SlackLoadBenchmark {

    private static final String SECRET = "benchmark-signing-secret";
    private static final long DRAIN_LIMIT_NANOS = 15L * 60 * 1_000_000_000L;

    private static final String[] OPENINGS = {"", "hi! ", "hello, quick one: ", "hey team, ", "sorry to bother you, ",
            "good morning. ", "question: ", "hi there, ", "urgent: ", "can someone help? ", "one more thing: ",
            "my manager asks: ", "thanks in advance, ", "quick question, ", "hello from the sales team, ",
            "we are stuck: ", "not sure where to ask, "};
    private static final String[] QUESTIONS = {"how do I reset my password?", "the password reset link expired, what now?",
            "how can I export my notes as PDF?", "can I export a whole notebook to markdown?",
            "how do I invite a teammate to our workspace?", "what happens when I remove someone from the workspace?",
            "can I use the app offline?", "what do I do about a sync conflict after working offline?",
            "how do I turn on two-factor authentication?", "I lost my phone with the authenticator app, how do I log in?",
            "how do I cancel my subscription?", "will I get a refund if I cancel mid-month?",
            "how do I delete my account for good?", "can I get my data back after deleting the account?",
            "how do I import my notes from Evernote?", "does the Notion import keep my page hierarchy?",
            "how do I share a note with a public link?", "can I stop sharing a public link later?",
            "what is the keyboard shortcut for a new note?", "how do I search all notes from the keyboard?",
            "how do I change my plan?", "where do I find my invoices?",
            "why don't I get notifications on my phone?", "how do I mute notifications for one notebook?"};

    public static void main(String[] args) throws Exception {
        List<String> positional = Arrays.stream(args).filter(a -> !a.startsWith("--")).toList();
        String database = positional.size() > 0 ? positional.get(0) : "h2";
        int rate = positional.size() > 1 ? Integer.parseInt(positional.get(1)) : 200;
        int seconds = positional.size() > 2 ? Integer.parseInt(positional.get(2)) : 30;
        int channels = positional.size() > 3 ? Integer.parseInt(positional.get(3)) : 400;
        int warmUp = positional.size() > 4 ? Integer.parseInt(positional.get(4)) : 400;
        Path dataDir = Files.createTempDirectory("hub-bench-");
        EmbeddedPostgres postgres = database.equals("postgres") ? EmbeddedPostgres.builder().start() : null;
        try (FakeSlackWebApi slack = new FakeSlackWebApi()) {
            List<String> properties = new ArrayList<>(List.of(
                    "server.port=0", "hub.data-dir=" + dataDir, "hub.admin.api-token=" + HubTestSupport.API_TOKEN,
                    "hub.slack.signing-secret=" + SECRET, "hub.slack.api-url=" + slack.url(),
                    // Slack sends from many addresses; the generator is one, and a stall makes its sends bunch up
                    "hub.rate-limits.inbound-per-ip-per-second=2000", "logging.level.root=WARN"));
            Arrays.stream(args).filter(a -> a.startsWith("--")).map(a -> a.substring(2)).forEach(properties::add);
            if (postgres != null) {
                properties.add("spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"));
                properties.add("spring.datasource.username=postgres");
            }
            ConfigurableApplicationContext hub = new SpringApplicationBuilder(HubApplication.class)
                    .run(properties.stream().map(p -> "--" + p).toArray(String[]::new));
            try {
                int port = ((WebServerApplicationContext) hub).getWebServer().getPort();
                JdbcClient jdbc = JdbcClient.create(hub.getBean(javax.sql.DataSource.class));
                prepare(new ApiClient(port));
                LoadRun load = new LoadRun(port, slack, channels);
                if (warmUp > 0) {
                    load.run(0, warmUp, Math.max(1, rate / 4));
                    System.out.println("warm-up done: " + warmUp + " events answered");
                }
                double load1 = BenchmarkMachine.loadAverage();
                H2Statements h2 = H2Statements.start(hub.getBean(javax.sql.DataSource.class));
                long cpuBefore = BenchmarkMachine.processCpuNanos();
                Result result = load.run(warmUp, rate * seconds, rate);
                long cpu = BenchmarkMachine.processCpuNanos() - cpuBefore;
                report(database, rate, seconds, channels, result, cpu, load1, BenchmarkMachine.loadAverage(), jdbc);
                if (h2 != null) {
                    h2.report((int) Arrays.stream(result.replyNanos()).filter(n -> n >= 0).count());
                }
            } finally {
                hub.close();
            }
        } finally {
            if (postgres != null) postgres.close();
        }
    }

    /** Waits for the sample help center to be indexed, connects the workspace, and tops the tenant up. */
    private static void prepare(ApiClient api) throws InterruptedException {
        long deadline = System.nanoTime() + DRAIN_LIMIT_NANOS;
        String sources;
        do {
            Thread.sleep(500);
            sources = api.get("/api/v1/tenants/default/sources").body();
        } while ((!sources.contains("\"ready\"") || sources.contains("\"pending\"") || sources.contains("\"indexing\""))
                && System.nanoTime() < deadline);
        check(api.putJson("/api/v1/tenants/default/channels/slack?verify=false",
                "{\"teamId\":\"T0HUBTEST\",\"botToken\":\"xoxb-bench\"}").statusCode() == 200, "Slack connected");
        check(api.postJson("/api/v1/tenants/default/topups", "{\"coins\":10000000,\"reference\":\"bench\"}")
                .statusCode() / 100 == 2, "topped up");
    }

    record Result(int events, long[] ackNanos, long[] replyNanos, int[] statuses, Map<String, Integer> repliesPerThread,
                  double sendSeconds, double lastReplySeconds, int answeredDuringSend) {
    }

    /** Sends events {@code first .. first+count-1} at {@code rate}, then waits until each has its reply (or the limit). */
    private static final class LoadRun {
        private final HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        private final URI endpoint;
        private final FakeSlackWebApi slack;
        private final int channels;

        LoadRun(int port, FakeSlackWebApi slack, int channels) {
            this.endpoint = URI.create("http://127.0.0.1:" + port + "/slack/events");
            this.slack = slack;
            this.channels = channels;
        }

        Result run(int first, int count, int rate) throws InterruptedException {
            long[] sent = new long[count];
            long[] ack = new long[count];
            int[] status = new int[count];
            List<CompletableFuture<?>> inFlight = new ArrayList<>(count);
            long interval = 1_000_000_000L / rate;
            long start = System.nanoTime();
            for (int k = 0; k < count; k++) {
                int i = first + k;
                int slot = k;
                LockSupport.parkNanos(start + k * interval - System.nanoTime());
                HttpRequest request = SlackEvents.signed(endpoint, SECRET, SlackEvents.appMention(
                        "Ev0LOAD%07d".formatted(i), "CLOAD%05d".formatted(i % channels), threadTs(i), text(i)));
                // open loop: latency counts from the event's slot, so a generator that fell behind hides no stall
                sent[k] = start + k * interval;
                inFlight.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenAccept(response -> {
                    ack[slot] = System.nanoTime() - sent[slot];
                    status[slot] = response.statusCode();
                }));
            }
            CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
            long sendEnd = System.nanoTime();
            Map<String, Integer> index = new HashMap<>();
            for (int k = 0; k < count; k++) {
                index.put(threadTs(first + k), k);
            }
            long[] reply = new long[count];
            Arrays.fill(reply, -1);
            int answered = 0;
            int answeredDuringSend = 0;
            long lastReply = start;
            long deadline = System.nanoTime() + DRAIN_LIMIT_NANOS;
            int seen = 0;
            // only what was acknowledged must be answered: a refused delivery is the platform's to send again
            long acknowledged = Arrays.stream(status).filter(st -> st == 200).count();
            while (answered < acknowledged && System.nanoTime() < deadline) {
                Thread.sleep(200);
                List<FakeSlackWebApi.Call> posts = slack.calls();
                for (; seen < posts.size(); seen++) {
                    FakeSlackWebApi.Call call = posts.get(seen);
                    Integer k = index.get(call.form().get("thread_ts"));
                    if (!call.method().equals("chat.postMessage") || k == null) continue;
                    if (reply[k] < 0) {
                        reply[k] = call.receivedNanos() - sent[k];
                        answered++;
                        if (call.receivedNanos() <= sendEnd) answeredDuringSend++;
                        lastReply = Math.max(lastReply, call.receivedNanos());
                    }
                }
            }
            Thread.sleep(2_000); // a second reply to any thread would show up by now
            Map<String, Integer> finalPerThread = new HashMap<>();
            slack.calls("chat.postMessage").stream().map(c -> c.form().get("thread_ts")).filter(index::containsKey)
                    .forEach(ts -> finalPerThread.merge(ts, 1, Integer::sum));
            return new Result(count, ack, reply, status, finalPerThread, (sendEnd - start) / 1e9,
                    (lastReply - start) / 1e9, answeredDuringSend);
        }
    }

    private static void report(String database, int rate, int seconds, int channels, Result r, long cpuNanos,
                               double loadBefore, double loadAfter, JdbcClient jdbc) {
        long[] acks = Arrays.stream(r.ackNanos()).sorted().toArray();
        long[] replies = Arrays.stream(r.replyNanos()).filter(n -> n >= 0).sorted().toArray();
        int answered = replies.length;
        long non200 = Arrays.stream(r.statuses()).filter(s -> s != 200).count();
        long lost = Arrays.stream(r.statuses()).filter(s -> s == 200).count() - answered;
        long duplicated = r.repliesPerThread().values().stream().filter(n -> n > 1).count();
        long answeredTwice = jdbc.sql("SELECT COUNT(*) FROM (SELECT inbound_event_id FROM conversation_turns "
                + "WHERE role = 'assistant' GROUP BY inbound_event_id HAVING COUNT(*) > 1) twice").query(Long.class).single();
        List<Map<String, Object>> outcomes = jdbc.sql("SELECT status, COUNT(*) AS n FROM conversations GROUP BY status")
                .query().listOfRows();
        System.out.printf(Locale.ROOT, """

                        slack load benchmark — %s, %d signed app_mention events at %d/s for %d s over %d channels \
                        (sent in %.1f s), each in a new thread, every text different
                          acknowledgement ms: p50 %.1f  p90 %.1f  p99 %.1f  max %.1f   non-200: %d
                          reply ms:           p50 %.0f  p90 %.0f  p99 %.0f  max %.0f
                          answered:           %d of %d; %.1f events/s overall (last reply %.1f s after the first event),\
                         %.1f/s while sending
                          CPU:                %.2f ms per answered event (process CPU %.1f s; generator and fake included)
                          lost: %d   duplicated: %d (threads with more than one reply; assistant turns twice per event: %d)
                          conversations by status: %s
                          load average (1 min): %.2f before, %.2f after
                        """, database, r.events(), rate, seconds, channels, r.sendSeconds(),
                ms(acks, 0.50), ms(acks, 0.90), ms(acks, 0.99), acks[acks.length - 1] / 1e6, non200,
                ms(replies, 0.50), ms(replies, 0.90), ms(replies, 0.99),
                replies.length == 0 ? 0 : replies[replies.length - 1] / 1e6,
                answered, r.events(), answered / r.lastReplySeconds(), r.lastReplySeconds(),
                r.answeredDuringSend() / r.sendSeconds(),
                answered == 0 ? 0 : cpuNanos / 1e6 / answered, cpuNanos / 1e9,
                lost, duplicated, answeredTwice, outcomes, loadBefore, loadAfter);
    }

    /** A new thread per event: the event's own ts is its thread. */
    private static String threadTs(int i) {
        return (1_700_000_000L + i) + ".000200";
    }

    /** Every text differs: an opening, a help-center question and a reference number, as real traffic varies. */
    static String text(int i) {
        return OPENINGS[i % OPENINGS.length] + QUESTIONS[(i / OPENINGS.length) % QUESTIONS.length]
                + " (ref " + (10_000 + i) + ")";
    }

    private static double ms(long[] sorted, double quantile) {
        if (sorted.length == 0) return Double.NaN;
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    private static void check(boolean ok, String what) {
        if (!ok) throw new IllegalStateException("benchmark setup failed: " + what);
    }

    private SlackLoadBenchmark() {
    }
}
