package io.resolvehub.billing.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.resolvehub.billing.Balance;
import io.resolvehub.billing.HoldingCoinMeter;
import io.resolvehub.billing.Ledger;
import io.resolvehub.billing.LowBalanceAlerts;
import io.resolvehub.billing.Pricing;
import io.resolvehub.billing.Settlements;
import io.resolvehub.billing.TenantPricing;
import io.resolvehub.billing.TopUps;
import io.resolvehub.core.ChannelType;
import io.resolvehub.core.ConversationId;
import io.resolvehub.core.ResolutionKind;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.event.ConversationResolved;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Resolutions settled per second (settlement: charge + release of the rest of the hold + balance row, one
 * transaction each), on PostgreSQL and H2, from 1 to 16 concurrent workers, then an audit for anomalies.
 *
 * <p>Per run: N conversations are held, each before every one of its 1-7 answers as the pipeline does (timed
 * separately: conversations held per second), then settled by W workers pulling from a shared counter (timed:
 * settlements/s). The audit then checks: exactly N charges, no conversation charged twice, balance
 * row == sum of ledger entries, held == 0, available >= 0, balance == top-up - sum of prices.
 *
 * <p>Arguments (all optional): {@code db=postgres|h2|both} {@code workers=1,2,4,8,16} {@code n=4000}
 * {@code tenants=1} (conversations spread round-robin over this many tenants) {@code fsync=on|off} (PostgreSQL).
 * Run: see docs/benchmarks.md.
 */
public final class SettlementBenchmark {

    record Result(String db, int workers, int tenants, int n, double holdsPerSecond, double settledPerSecond,
                  List<String> anomalies) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new java.util.HashMap<>();
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            options.put(kv[0], kv.length > 1 ? kv[1] : "");
        }
        String db = options.getOrDefault("db", "both");
        int n = Integer.parseInt(options.getOrDefault("n", "4000"));
        int tenants = Integer.parseInt(options.getOrDefault("tenants", "1"));
        boolean fsync = !"off".equals(options.getOrDefault("fsync", "on"));
        int[] workerCounts = java.util.Arrays.stream(options.getOrDefault("workers", "1,2,4,8,16").split(","))
                .mapToInt(Integer::parseInt).toArray();

        List<Result> results = new ArrayList<>();
        if (!db.equals("h2")) {
            try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("fsync", fsync ? "on" : "off")
                    .setServerConfig("synchronous_commit", fsync ? "on" : "off")
                    .start()) {
                int round = 0;
                for (int workers : warmUpThen(workerCounts)) {
                    String name = "bench_" + round++;
                    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                        s.execute("CREATE DATABASE " + name);
                    }
                    var dataSource = pool(postgres.getJdbcUrl("postgres", name), "postgres", "postgres", workers);
                    Result result = run("postgres" + (fsync ? "" : " (fsync off)"), dataSource, workers, tenants,
                            round == 1 ? Math.min(n, 1000) : n);
                    dataSource.close();
                    if (round > 1) {
                        results.add(result);
                    }
                }
            }
        }
        if (!db.equals("postgres")) {
            Path dir = Files.createTempDirectory("billing-bench-h2");
            int round = 0;
            for (int workers : warmUpThen(workerCounts)) {
                var dataSource = pool("jdbc:h2:file:" + dir.resolve("run" + round++) + ";"
                        + "MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0", "sa", "",
                        workers);   // the hub's own H2 settings (application.yml)
                Result result = run("h2 (file)", dataSource, workers, tenants, round == 1 ? Math.min(n, 1000) : n);
                dataSource.close();
                if (round > 1) {
                    results.add(result);
                }
            }
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "| database | workers | tenants | conversations | holds/s | settled/s | anomalies |%n");
        System.out.printf(Locale.ROOT, "|---|---|---|---|---|---|---|%n");
        for (Result r : results) {
            System.out.printf(Locale.ROOT, "| %s | %d | %d | %d | %.0f | %.0f | %s |%n", r.db, r.workers, r.tenants, r.n,
                    r.holdsPerSecond, r.settledPerSecond, r.anomalies.isEmpty() ? "0" : String.join("; ", r.anomalies));
        }
        System.out.printf(Locale.ROOT, "(load average at end: %s)%n", Files.readString(Path.of("/proc/loadavg")).strip());
    }

    /** The first entry is a warm-up run (JIT, connection set-up) whose figures are discarded. */
    private static int[] warmUpThen(int[] workerCounts) {
        int[] all = new int[workerCounts.length + 1];
        all[0] = workerCounts[workerCounts.length - 1];
        System.arraycopy(workerCounts, 0, all, 1, workerCounts.length);
        return all;
    }

    private static HikariDataSource pool(String url, String user, String password, int workers) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(workers + 2);   // + Flyway's lock connection and the audit
        config.setMinimumIdle(workers);
        return new HikariDataSource(config);
    }

    private static Result run(String label, DataSource dataSource, int workers, int tenantCount, int n)
            throws Exception {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/billing").load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        Clock clock = Clock.systemUTC();
        TenantPricing pricing = new TenantPricing(jdbc, tx, clock);
        LowBalanceAlerts alerts = new LowBalanceAlerts(jdbc, event -> { }, clock, ZoneOffset.UTC);
        HoldingCoinMeter meter = new HoldingCoinMeter(jdbc, tx, pricing, alerts, clock);
        Settlements settlements = new Settlements(jdbc, tx, pricing, event -> { }, clock);
        TopUps topUps = new TopUps(jdbc, tx, pricing, alerts, clock);
        Ledger ledger = new Ledger(jdbc);

        TenantId[] tenants = new TenantId[tenantCount];
        long funds = 10L * n;
        for (int t = 0; t < tenantCount; t++) {
            tenants[t] = new TenantId("bench-" + t);
            topUps.topUp(tenants[t], funds, "bench-funds");
            pricing.put(tenants[t], Pricing.DEFAULT);
        }

        double holdsPerSecond = n / parallel(workers, n, i -> {
            for (int answer = 1; answer <= answers(i); answer++) {   // the hold grows before each answer
                if (!meter.holdFor(tenants[i % tenantCount], new ConversationId("conv-" + i), ChannelType.SLACK,
                        answer)) {
                    throw new IllegalStateException("hold refused for conv-" + i + " answer " + answer);
                }
            }
        });
        double settledPerSecond = n / parallel(workers, n, i -> settlements.settle(new ConversationResolved(
                tenants[i % tenantCount], new ConversationId("conv-" + i), ChannelType.SLACK, answers(i),
                ResolutionKind.CONFIRMED, Instant.now())));

        List<String> anomalies = audit(jdbc, ledger, tenants, n, funds);
        Result result = new Result(label, workers, tenantCount, n, holdsPerSecond, settledPerSecond, anomalies);
        System.out.printf(Locale.ROOT, "%s workers=%d tenants=%d n=%d holds/s=%.0f settled/s=%.0f anomalies=%s%n",
                label, workers, tenantCount, n, holdsPerSecond, settledPerSecond, anomalies);
        return result;
    }

    private static int answers(int i) {
        return 1 + i % 7;
    }

    /** Seconds taken by {@code workers} threads performing tasks 0..n-1, pulled from a shared counter. */
    private static double parallel(int workers, int n, IntConsumer task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        AtomicInteger next = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            futures.add(pool.submit(() -> {
                start.await();
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    task.accept(i);
                }
                return null;
            }));
        }
        long began = System.nanoTime();
        start.countDown();
        for (Future<?> future : futures) {
            future.get();
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        pool.shutdown();
        return seconds;
    }

    private static List<String> audit(JdbcClient jdbc, Ledger ledger, TenantId[] tenants, int n, long funds) {
        List<String> anomalies = new ArrayList<>();
        long charges = jdbc.sql("SELECT COUNT(*) FROM billing_ledger WHERE entry_type = 'charge'")
                .query(Long.class).single();
        if (charges != n) {
            anomalies.add(charges + " charges for " + n + " resolutions");
        }
        long twice = jdbc.sql("SELECT COUNT(*) FROM (SELECT tenant, conversation FROM billing_ledger"
                + " WHERE entry_type = 'charge' GROUP BY tenant, conversation HAVING COUNT(*) > 1) x")
                .query(Long.class).single();
        if (twice > 0) {
            anomalies.add(twice + " conversations charged twice");
        }
        for (int t = 0; t < tenants.length; t++) {
            long expected = funds;
            for (int i = t; i < n; i += tenants.length) {
                expected -= Math.min(Pricing.DEFAULT.maxCoins(), Pricing.DEFAULT.chargeFor(answers(i)));
            }
            Balance row = ledger.balance(tenants[t]);
            if (!row.equals(ledger.sumOfEntries(tenants[t]))) {
                anomalies.add(tenants[t] + " balance row " + row + " != ledger " + ledger.sumOfEntries(tenants[t]));
            }
            if (row.held() != 0 || row.available() < 0 || row.balance() != expected) {
                anomalies.add(tenants[t] + " " + row + ", expected balance " + expected + " and nothing held");
            }
        }
        return anomalies;
    }
}
