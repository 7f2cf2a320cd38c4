package io.resolvehub.ops;

import io.resolvehub.FreePorts;

import io.resolvehub.HubTestSupport;
import io.resolvehub.api.ApiClient;
import io.resolvehub.core.InboundBacklog;
import io.resolvehub.process.FakeSlackWebApi;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The hub's PostgreSQL is stopped and started again (same data, same address) under a running hub: while it is down,
 * platform deliveries are answered 503 with {@code Retry-After} instead of being acknowledged, and readiness is down
 * while liveness stays up; once it is back, the same hub takes the platform's redelivery, answers it once, and goes
 * on answering, without a restart.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // a delivery waits at most this long for a connection before it is refused: well inside Slack's 3 s
        properties = "spring.datasource.hikari.connection-timeout=2000")
class DatabaseRestartTest {

    static final FakeSlackWebApi SLACK = new FakeSlackWebApi();
    static Path dataDirectory;
    static int postgresPort;
    static EmbeddedPostgres postgres;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        dataDirectory = Files.createTempDirectory("hub-pg-restart-");
        postgresPort = FreePorts.forALaterServer();
        postgres = startPostgres();
        HubTestSupport.hubDefaults(registry);
        registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        registry.add("hub.slack.signing-secret", () -> SlackTraffic.SIGNING_SECRET);
        registry.add("hub.slack.api-url", SLACK::url);
    }

    /** The same data directory and port each time, so a restart is the same database at the same address. */
    private static EmbeddedPostgres startPostgres() throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false)
                .setPort(postgresPort).setServerConfig("fsync", "off").start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    InboundBacklog backlog;

    @Test
    void deliveriesAreRefusedWhileTheDatabaseIsDownAndTakenAgainOnceItIsBack() throws IOException {
        ApiClient api = new ApiClient(port);
        SlackTraffic traffic = new SlackTraffic(port, SLACK).connect().awaitSourcesReady(Duration.ofMinutes(4));
        String before = SlackTraffic.nextThread();
        assertThat(traffic.ask(before, "how do I reset my password?")).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> traffic.postsIn(before) == 1);

        postgres.close();
        String during = SlackTraffic.nextThread();
        HttpResponse<String> refused = traffic.send("Ev" + during.replace(".", ""),
                SlackTraffic.mention(during, null, "how do I export my notes?"));
        assertThat(refused.statusCode()).as("not acknowledged: it could not be stored").isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).as("the platform is told when to retry").isPresent();
        await().atMost(Duration.ofSeconds(20)).until(() -> status(api, "/actuator/health/readiness") == 503);
        assertThat(status(api, "/actuator/health/liveness")).as("no restart for a database outage").isEqualTo(200);

        postgres = startPostgres();
        await().atMost(Duration.ofSeconds(30)).until(() -> status(api, "/actuator/health/readiness") == 200);
        // Slack delivers the refused event again: taken now, and answered once
        assertThat(traffic.ask(during, "how do I export my notes?")).isEqualTo(200);
        String after = SlackTraffic.nextThread();
        assertThat(traffic.ask(after, "how do I reset my password?")).isEqualTo(200);

        await().atMost(Duration.ofSeconds(60)).until(() -> traffic.postsIn(during) == 1 && traffic.postsIn(after) == 1);
        assertThat(traffic.posts(during).getFirst().form().toString()).containsIgnoringCase("export");
        await().atMost(Duration.ofSeconds(60)).until(() -> backlog.pending() == 0);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() ->
                traffic.postsIn(before) == 1 && traffic.postsIn(during) == 1 && traffic.postsIn(after) == 1);
    }

    private static int status(ApiClient api, String path) {
        return api.send(api.anonymous(path).GET().build()).statusCode();
    }

}
