package io.resolvehub.process;

import io.resolvehub.HubApplication;
import io.resolvehub.HubTestSupport;
import io.resolvehub.api.ApiClient;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * How fast {@code GET /insights?days=7} answers for a tenant with many conversations in the period (the goal: within
 * 1 s for 10,000).
 *
 * <p>Starts the whole hub in-process on H2 or a real PostgreSQL, writes N opening questions of the last seven days
 * (and as many in the week before, for the trends) straight into insights' table, each with a 384-dimension unit
 * vector drawn around one of 60 needs, as the hub keeps them when questions are asked; then times the report over
 * HTTP: the first call, which also groups every question into topics (the state right after an upgrade, or of a hub
 * whose background grouping has not run yet), then repeated calls in the steady state. Run (docs/benchmarks.md):
 * <pre>./mvnw -q -pl hub-app test-compile exec:exec -Dbench=InsightsBenchmark -Dbench.args="h2 10000 20"</pre>
 * Arguments: {@code h2|postgres}, conversations in the period, timed calls.
 */
public final class InsightsBenchmark {

    private static final int NEEDS = 60;
    private static final String[] VERBS = {"reset", "export", "cancel", "rotate", "enable", "sync", "download", "delete",
            "share", "import", "change", "restore"};
    private static final String[] THINGS = {"password", "notes", "subscription", "api key", "two-factor login",
            "notebook", "invoice", "account", "calendar", "attachments"};

    public static void main(String[] args) throws Exception {
        String database = args.length > 0 ? args[0] : "h2";
        int conversations = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int calls = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        Path dataDir = Files.createTempDirectory("hub-bench-");
        EmbeddedPostgres postgres = database.equals("postgres") ? EmbeddedPostgres.builder().start() : null;
        List<String> properties = new ArrayList<>(List.of("server.port=0", "hub.data-dir=" + dataDir,
                "hub.admin.api-token=" + HubTestSupport.API_TOKEN, "hub.demo.enabled=false",
                "hub.insights.assign-interval=PT24H", "logging.level.root=WARN"));
        if (postgres != null) {
            properties.add("spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"));
            properties.add("spring.datasource.username=postgres");
        }
        ConfigurableApplicationContext hub = new SpringApplicationBuilder(HubApplication.class)
                .run(properties.stream().map(p -> "--" + p).toArray(String[]::new));
        try {
            int port = ((WebServerApplicationContext) hub).getWebServer().getPort();
            ApiClient api = new ApiClient(port);
            check(api.postJson("/api/v1/tenants", "{\"id\":\"bench\",\"name\":\"Bench\"}").statusCode() == 201, "tenant");
            long start = System.nanoTime();
            write(JdbcClient.create(hub.getBean(javax.sql.DataSource.class)), conversations);
            System.out.printf(Locale.ROOT, "%s: wrote %,d questions (two weeks) in %.1f s%n", database, 2 * conversations,
                    (System.nanoTime() - start) / 1e9);

            double first = time(api);
            double[] steady = new double[calls];
            for (int i = 0; i < calls; i++) {
                steady[i] = time(api);
            }
            Arrays.sort(steady);
            String body = api.get("/api/v1/tenants/bench/insights?days=7").body();
            System.out.printf(Locale.ROOT, "%s, %,d conversations in the period: first call (grouping %,d questions) %.0f ms;"
                            + " then p50 %.0f ms, p95 %.0f ms, max %.0f ms over %d calls; report %,d bytes%n",
                    database, conversations, 2 * conversations, first, steady[calls / 2],
                    steady[(int) Math.ceil(calls * 0.95) - 1], steady[calls - 1], calls, body.length());
            check(body.contains("\"conversations\":" + conversations), "the report counts every conversation: " + body.substring(0, 200));
        } finally {
            hub.close();
            if (postgres != null) postgres.close();
        }
    }

    private static double time(ApiClient api) {
        long start = System.nanoTime();
        var response = api.get("/api/v1/tenants/bench/insights?days=7");
        double ms = (System.nanoTime() - start) / 1e6;
        check(response.statusCode() == 200, response.body());
        return ms;
    }

    /** N questions in each of the last two weeks, spread over the days, around 60 needs. */
    private static void write(JdbcClient jdbc, int perWeek) {
        Random random = new Random(42);
        float[][] needs = new float[NEEDS][];
        for (int i = 0; i < NEEDS; i++) {
            needs[i] = unit(gaussian(random, 1.0));
        }
        Instant now = Instant.now();
        String[] outcomes = {"resolved", "resolved", "resolved", "handed_off", "open"};
        String[] reasons = {"low_confidence", "no_knowledge", "user_request"};
        for (int i = 0; i < 2 * perWeek; i++) {
            int need = random.nextInt(NEEDS);
            float[] vector = unit(add(needs[need], gaussian(random, 0.045)));
            // exactly N in each week, an hour clear of the week's edges: the report's window is taken minutes later
            long week = 7 * 24 * 3600;
            long intoWeek = 3600 + random.nextInt((int) week - 2 * 3600);
            Instant asked = now.minus(Duration.ofSeconds(i < perWeek ? intoWeek : week + intoWeek));
            String outcome = outcomes[random.nextInt(outcomes.length)];
            String question = "How do I " + VERBS[need % VERBS.length] + " my " + THINGS[need % THINGS.length]
                    + (random.nextBoolean() ? "?" : " please, it is urgent");
            boolean handedOff = outcome.equals("handed_off");
            // an answered question cites the article of its need, as the hub keeps its first reply; a hand-off cites none
            jdbc.sql("INSERT INTO insight_questions (conversation_id, tenant_id, channel, question, asked_at, vector,"
                            + " outcome, handoff_reason, negative_feedback, reply_source_id, reply_source_title)"
                            + " VALUES (?, 'bench', 'web', ?, ?, ?, ?, ?, false, ?, ?)")
                    .params(UUID.randomUUID().toString(), question, asked.atOffset(ZoneOffset.UTC), bytes(vector), outcome,
                            handedOff ? reasons[random.nextInt(reasons.length)] : null, handedOff ? null : "src_help",
                            handedOff ? null : "Article " + need)
                    .update();
        }
    }

    private static float[] gaussian(Random random, double scale) {
        float[] v = new float[384];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (random.nextGaussian() * scale);
        }
        return v;
    }

    private static float[] add(float[] a, float[] b) {
        float[] sum = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            sum[i] = a[i] + b[i];
        }
        return sum;
    }

    private static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (v[i] / norm);
        }
        return v;
    }

    private static byte[] bytes(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("benchmark check failed: " + what);
        }
    }
}
