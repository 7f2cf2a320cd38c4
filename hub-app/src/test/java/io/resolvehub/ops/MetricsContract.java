package io.resolvehub.ops;

import io.resolvehub.HubTestSupport;
import io.resolvehub.api.ApiClient;
import io.resolvehub.process.FakeSlackWebApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What an operator's Prometheus sees: signed Slack events go through the running hub (a question answered, its
 * redelivery, a thank-you that resolves and charges it, a request for a person), and the scrape of
 * {@code /actuator/prometheus} moves by exactly that: intake by channel and outcome, acknowledgement times, answer
 * latency, hand-offs by reason, coins charged, and an empty queue at the end. The probes are public; the scrape needs
 * the metrics token (or the owner), and that token opens nothing else.
 */
abstract class MetricsContract {

    static final String METRICS_TOKEN = "metrics-test-scrape-token";
    static final FakeSlackWebApi SLACK = new FakeSlackWebApi();

    @LocalServerPort
    int port;

    ApiClient api;
    SlackTraffic traffic;

    static void metricsSettings(DynamicPropertyRegistry registry) {
        HubTestSupport.hubDefaults(registry);
        registry.add("hub.slack.signing-secret", () -> SlackTraffic.SIGNING_SECRET);
        registry.add("hub.slack.api-url", SLACK::url);
        registry.add("hub.metrics.token", () -> METRICS_TOKEN);
    }

    @BeforeEach
    void connectSlack() {
        api = new ApiClient(port);
        traffic = new SlackTraffic(port, SLACK).connect().awaitSourcesReady(Duration.ofMinutes(4));
    }

    @Test
    void theScrapeMovesWithWhatTheHubDid() {
        PrometheusScrape before = scrape();
        String answered = SlackTraffic.nextThread();
        String handedOff = SlackTraffic.nextThread();

        assertThat(traffic.ask(answered, "how do I reset my password?")).isEqualTo(200);
        assertThat(traffic.ask(answered, "how do I reset my password?"))
                .as("Slack's redelivery of the same event").isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> traffic.postsIn(answered) == 1);
        assertThat(traffic.deliver("Ev" + answered + "b",
                SlackTraffic.mention(SlackTraffic.nextThread(), answered, "thanks, that solved it"))).isEqualTo(200);
        assertThat(traffic.ask(handedOff, "I want to talk to a human")).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> traffic.postsIn(handedOff) >= 1);
        // the counters move after each transaction commits: wait until the last of them has
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertMoved(before, scrape()));
    }

    private static void assertMoved(PrometheusScrape before, PrometheusScrape after) {
        assertThat(moved(before, after, "resolvehub_intake_events_total", "channel=slack", "outcome=accepted"))
                .isEqualTo(3);
        assertThat(moved(before, after, "resolvehub_intake_events_total", "channel=slack", "outcome=duplicate"))
                .isEqualTo(1);
        assertThat(moved(before, after, "resolvehub_intake_ack_seconds_count", "channel=slack", "status=200"))
                .isEqualTo(4);
        assertThat(moved(before, after, "resolvehub_intake_ack_seconds_bucket", "channel=slack", "status=200", "le=+Inf"))
                .as("a histogram, for percentiles across instances").isEqualTo(4);
        assertThat(moved(before, after, "resolvehub_answer_latency_seconds_count", "channel=slack", "decision=answer"))
                .as("the answer and the thanks for confirming").isEqualTo(2);
        assertThat(moved(before, after, "resolvehub_answer_latency_seconds_count", "channel=slack", "decision=handoff"))
                .isEqualTo(1);
        assertThat(moved(before, after, "resolvehub_handoffs_total", "channel=slack", "reason=user_request"))
                .isEqualTo(1);
        assertThat(moved(before, after, "resolvehub_coins_charged_total", "channel=slack", "resolution=confirmed"))
                .isPositive();
        // read from the database at the scrape (NaN if the query failed): everything acknowledged is answered
        assertThat(after.value("resolvehub_inbound_pending")).isZero();
        assertThat(after.value("resolvehub_inbound_oldest_pending_age_seconds")).isZero();
    }

    @Test
    void theProbesArePublicAndReportTheDatabaseAndTheSearchBackend() {
        for (String probe : new String[]{"/actuator/health/liveness", "/actuator/health/readiness"}) {
            HttpResponse<String> response = api.send(api.anonymous(probe).GET().build());
            assertThat(response.statusCode()).as(probe).isEqualTo(200);
            assertThat(response.body()).as(probe).contains("\"status\":\"UP\"").doesNotContain("components");
        }
        HttpResponse<String> readiness = api.get("/actuator/health/readiness");
        assertThat(readiness.body()).as("the owner sees what readiness is made of")
                .contains("\"db\"", "\"search\"", "\"readinessState\"", "LuceneKnowledgeIndex");
        assertThat(api.get("/actuator/health/liveness").body()).as("a database outage must not restart the hub")
                .doesNotContain("\"db\"");
    }

    @Test
    void theScrapeNeedsTheMetricsTokenWhichOpensNothingElse() {
        assertThat(api.send(api.anonymous("/actuator/prometheus").GET().build()).statusCode()).isEqualTo(401);
        assertThat(api.send(api.anonymous("/actuator/prometheus").header("Authorization", "Bearer wrong").GET().build())
                .statusCode()).isEqualTo(401);
        assertThat(api.get("/actuator/prometheus").statusCode()).as("the owner").isEqualTo(200);
        for (String other : new String[]{"/actuator/metrics", "/api/v1/tenants", "/actuator/health/readiness"}) {
            HttpResponse<String> response = api.send(api.anonymous(other)
                    .header("Authorization", "Bearer " + METRICS_TOKEN).GET().build());
            assertThat(response.body()).as(other).doesNotContain("\"default\"", "\"components\"");
            if (!other.contains("health")) {
                assertThat(response.statusCode()).as(other).isEqualTo(403);
            }
        }
    }

    private PrometheusScrape scrape() {
        HttpResponse<String> response = api.send(api.anonymous("/actuator/prometheus")
                .header("Authorization", "Bearer " + METRICS_TOKEN).GET().build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/plain"));
        return new PrometheusScrape(response.body());
    }

    private static double moved(PrometheusScrape before, PrometheusScrape after, String name, String... labels) {
        return after.sum(name, labels) - before.sum(name, labels);
    }
}
