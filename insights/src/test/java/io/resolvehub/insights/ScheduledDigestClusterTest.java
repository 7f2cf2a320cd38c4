package io.resolvehub.insights;

import io.resolvehub.core.TenantId;
import io.resolvehub.core.autoconfigure.ConnectorCoreAutoConfiguration;
import io.resolvehub.core.channel.Report;
import io.resolvehub.core.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two hub instances on one database, each wired as the hub wires them (connector-core's pipeline with its one
 * db-scheduler, and insights with its digest job on that scheduler), each with its own beans: the scheduled digest of
 * every period is sent exactly once across both, a failed send is retried by whichever instance comes next, and a period
 * without conversations gets the short "quiet" digest.
 */
class ScheduledDigestClusterTest {

    private static final TenantId ACME = new TenantId("acme");

    /** Every digest that reached the (shared) destination, with the instance that sent it. */
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final AtomicBoolean failNextSend = new AtomicBoolean();
    private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

    record Sent(String instance, String channel, String target, Report digest) {
    }

    @AfterEach
    void stopInstances() {
        instances.forEach(ConfigurableApplicationContext::close);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void eachScheduledPeriodIsSentOnceByTwoInstancesOnCoresScheduler(TestDatabase db) {
        DataSource dataSource = db.freshDataSource("classpath:db/migration/core", "classpath:db/migration/insights");
        ConfigurableApplicationContext first = start("first", dataSource, "PT0.3S");
        start("second", dataSource, "PT0.3S");
        failNextSend.set(true); // the first period's first attempt fails and is retried
        // a period every two seconds, so several come due while both instances' schedulers run
        first.getBean(Digests.class).save(ACME, new DigestSettings("*/2 * * * * *", "slack", "C0DIGEST", "UTC"));

        await().atMost(Duration.ofSeconds(60)).until(() -> sentRows(dataSource).size() >= 4);
        first.getBean(Digests.class).save(ACME, new DigestSettings("weekly", "slack", "C0DIGEST", "UTC"));
        await().atMost(Duration.ofSeconds(30)).until(() -> rows(dataSource).stream()
                .allMatch(row -> row.get("status").equals("sent")));
        instances.forEach(ConfigurableApplicationContext::close);

        List<Map<String, Object>> rows = rows(dataSource);
        assertThat(rows).hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(row -> assertThat((String) row.get("period_key")).startsWith("scheduled:"));
        assertThat(sent).as("one digest per period, however many instances run").hasSize(rows.size());
        assertThat(rows.getFirst().get("attempts")).as("the failed first send was tried again").isEqualTo(2);
        assertThat(rows.subList(1, rows.size())).allSatisfy(row -> assertThat(row.get("attempts")).isEqualTo(1));
        for (int i = 1; i < rows.size(); i++) {
            // a period is never reported twice (one a loaded machine ran late may be skipped: the next covers its own)
            assertThat((Instant) rows.get(i).get("period_from")).as("periods do not overlap")
                    .isAfterOrEqualTo((Instant) rows.get(i - 1).get("period_to"));
        }
        assertThat(sent).allSatisfy(s -> {
            assertThat(s.channel()).isEqualTo("slack");
            assertThat(s.target()).isEqualTo("C0DIGEST");
            assertThat(s.digest().summary()).startsWith("A quiet day: no customer conversations");
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void twoInstancesRunningTheDueDigestsAtTheSameMomentSendEachPeriodOnce(TestDatabase db) throws Exception {
        DataSource dataSource = db.freshDataSource("classpath:db/migration/core", "classpath:db/migration/insights");
        // the scheduled job is off: the test makes both instances look for due digests at the same moment, as two
        // schedulers would if their runs ever overlapped; only the period's key and the claim keep it to one send
        Digests first = start("first", dataSource, "PT0S").getBean(Digests.class);
        Digests second = start("second", dataSource, "PT0S").getBean(Digests.class);
        first.save(ACME, new DigestSettings("* * * * * *", "email", "lead@acme.test", "UTC"));
        CyclicBarrier together = new CyclicBarrier(2);

        for (int round = 0; round < 5; round++) {
            Thread.sleep(1100); // the next one-second period comes due
            Thread other = Thread.ofVirtual().start(() -> runDueTogether(second, together));
            runDueTogether(first, together);
            other.join();
        }

        // five rounds a little over a period apart make five periods due, or more when a loaded machine lets a
        // round run late: how many is the clock's business, that each is sent once is the test's
        List<Map<String, Object>> rows = rows(dataSource);
        assertThat(rows).hasSizeGreaterThanOrEqualTo(5).allSatisfy(row -> {
            assertThat(row.get("status")).isEqualTo("sent");
            assertThat(row.get("attempts")).isEqualTo(1);
        });
        assertThat(rows.stream().map(row -> row.get("period_key")).distinct()).as("each period once").hasSameSizeAs(rows);
        assertThat(sent).as("one email per period").hasSameSizeAs(rows);
    }

    private static void runDueTogether(Digests digests, CyclicBarrier together) {
        try {
            together.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        digests.runDue();
    }

    /** One hub instance; {@code digestCheckInterval} PT0S leaves the digest job off core's scheduler. */
    private ConfigurableApplicationContext start(String name, DataSource dataSource, String digestCheckInterval) {
        DigestSender sender = (tenant, channel, target, digest) -> {
            if (failNextSend.compareAndSet(true, false)) {
                throw new IllegalStateException("Slack said: service_unavailable");
            }
            sent.add(new Sent(name, channel, target, digest));
        };
        QuestionEmbedder unused = questions -> {
            throw new AssertionError("a quiet period has no questions to embed");
        };
        ConfigurableApplicationContext context = new SpringApplicationBuilder(Hub.class).web(WebApplicationType.NONE)
                .properties(Map.of(
                        "hub.master-key", Base64.getEncoder().encodeToString(new byte[32]),
                        "hub.resolution.check-interval", "PT0.3S", // also the pace at which the scheduler polls
                        "hub.insights.digest-check-interval", digestCheckInterval,
                        "hub.insights.digest-retry-delay", "PT0.5S",
                        "spring.main.banner-mode", "off",
                        "logging.level.io.resolvehub", "ERROR",
                        "logging.level.com.zaxxer.hikari", "ERROR")) // connections a closing instance interrupts
                .initializers(ctx -> {
                    ctx.getBeanFactory().registerSingleton("dataSource", dataSource);
                    ctx.getBeanFactory().registerSingleton("digestSender", sender);
                    ctx.getBeanFactory().registerSingleton("questionEmbedder", unused);
                })
                .run();
        instances.add(context);
        return context;
    }

    private static List<Map<String, Object>> rows(DataSource dataSource) {
        return JdbcClient.create(dataSource).sql("SELECT period_key, period_from, period_to, status, attempts"
                        + " FROM insight_digest_deliveries ORDER BY period_to")
                .query((rs, n) -> {
                    Map<String, Object> row = new HashMap<>();
                    row.put("period_key", rs.getString("period_key"));
                    row.put("period_from", rs.getObject("period_from", OffsetDateTime.class).toInstant());
                    row.put("period_to", rs.getObject("period_to", OffsetDateTime.class).toInstant());
                    row.put("status", rs.getString("status"));
                    row.put("attempts", rs.getInt("attempts"));
                    return row;
                }).list();
    }

    private static List<Map<String, Object>> sentRows(DataSource dataSource) {
        return rows(dataSource).stream().filter(row -> row.get("status").equals("sent")).toList();
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({ConnectorCoreAutoConfiguration.class, InsightsAutoConfiguration.class})
    static class Hub {
        @Bean
        PlatformTransactionManager transactionManager(DataSource dataSource) {
            return new DataSourceTransactionManager(dataSource);
        }
    }
}
