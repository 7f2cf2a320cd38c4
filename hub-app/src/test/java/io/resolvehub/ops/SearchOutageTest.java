package io.resolvehub.ops;

import io.resolvehub.HubTestSupport;
import io.resolvehub.agent.index.ElasticsearchServer;
import io.resolvehub.api.ApiClient;
import io.resolvehub.core.InboundBacklog;
import io.resolvehub.process.FakeSlackWebApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Production mode (PostgreSQL + a real Elasticsearch 8.19) loses Elasticsearch for 30 seconds: every question asked
 * meanwhile is still acknowledged and gets a reply, a hand-off with reason {@code engine_error}, never silence; the
 * readiness probe reports the search backend down; and once Elasticsearch is back the same running hub answers from
 * the knowledge base again, without a restart.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SearchOutageTest {

    static final FakeSlackWebApi SLACK = new FakeSlackWebApi();
    static TcpProxy elasticsearch;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        URI real = URI.create(ElasticsearchServer.url());
        elasticsearch = new TcpProxy(real.getHost(), real.getPort());
        HubTestSupport.hubDefaults(registry);
        HubTestSupport.usePostgres(registry);
        registry.add("hub.search.backend", () -> "elasticsearch");
        registry.add("hub.search.elasticsearch.url", () -> "http://127.0.0.1:" + elasticsearch.port());
        registry.add("hub.search.elasticsearch.index", () -> "outage-" + System.nanoTime());
        registry.add("hub.slack.signing-secret", () -> SlackTraffic.SIGNING_SECRET);
        registry.add("hub.slack.api-url", SLACK::url);
    }

    @AfterAll
    static void closeProxy() {
        elasticsearch.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    InboundBacklog backlog;

    @Test
    void questionsAreHandedOffWhileElasticsearchIsDownAndAnsweredAgainOnceItIsBack() {
        ApiClient api = new ApiClient(port);
        SlackTraffic traffic = new SlackTraffic(port, SLACK).connect().awaitSourcesReady(Duration.ofMinutes(4));
        List<String> threads = new ArrayList<>();
        String before = ask(traffic, threads, "how do I reset my password?");
        await().atMost(Duration.ofSeconds(30)).until(() -> traffic.postsIn(before) == 1);
        PrometheusScrape start = scrape(api);

        elasticsearch.cut();
        Instant back = Instant.now().plus(Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(20)).until(() -> status(api, "/actuator/health/readiness") == 503);
        assertThat(api.get("/actuator/health/readiness").body()).contains("\"search\"", "DOWN", "unreachable");
        assertThat(status(api, "/actuator/health/liveness")).as("no restart for an outage elsewhere").isEqualTo(200);
        List<String> duringOutage = new ArrayList<>();
        while (Instant.now().isBefore(back)) {
            duringOutage.add(ask(traffic, threads, "how do I export my notes?"));
            await().atMost(Duration.ofSeconds(30)).until(() -> traffic.postsIn(duringOutage.getLast()) == 1);
            pause(Duration.ofSeconds(4));
        }
        PrometheusScrape down = scrape(api);
        assertThat(moved(start, down, "resolvehub_handoffs_total", "channel=slack", "reason=engine_error"))
                .as("every question during the outage handed off").isEqualTo(duringOutage.size());
        assertThat(moved(start, down, "resolvehub_replies_total", "channel=slack", "decision=answer")).isZero();

        elasticsearch.restore();
        await().atMost(Duration.ofSeconds(20)).until(() -> status(api, "/actuator/health/readiness") == 200);
        // the answer engine's circuit breaker lets calls through again after its wait: keep asking until one is answered
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(5)).until(() -> {
            String thread = ask(traffic, threads, "how do I reset my password?");
            await().atMost(Duration.ofSeconds(30)).until(() -> traffic.postsIn(thread) == 1);
            return moved(start, scrape(api), "resolvehub_replies_total", "channel=slack", "decision=answer") > 0;
        });

        await().atMost(Duration.ofSeconds(60)).until(() -> backlog.pending() == 0);
        assertThat(threads).as("every acknowledged question got exactly one reply")
                .allSatisfy(thread -> assertThat(traffic.postsIn(thread)).as(thread).isEqualTo(1));
    }

    private static String ask(SlackTraffic traffic, List<String> threads, String question) {
        String thread = SlackTraffic.nextThread();
        threads.add(thread);
        assertThat(traffic.ask(thread, question)).as("acknowledged: the database is up").isEqualTo(200);
        return thread;
    }

    private static int status(ApiClient api, String path) {
        return api.send(api.anonymous(path).GET().build()).statusCode();
    }

    private static PrometheusScrape scrape(ApiClient api) {
        return new PrometheusScrape(api.get("/actuator/prometheus").body());
    }

    private static double moved(PrometheusScrape before, PrometheusScrape after, String name, String... labels) {
        return after.sum(name, labels) - before.sum(name, labels);
    }

    private static void pause(Duration duration) {
        await().pollDelay(duration).atMost(duration.plusSeconds(1)).until(() -> true);
    }
}
