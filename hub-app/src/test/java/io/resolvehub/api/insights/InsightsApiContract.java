package io.resolvehub.api.insights;

import io.resolvehub.HubTestSupport;
import io.resolvehub.api.ApiClient;
import io.resolvehub.process.FakeSlackWebApi;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code GET /insights} over real HTTP on each database (see the subclasses): about forty web conversations on a small
 * help center, answered by the real agent, grouped into topics by meaning and named by their terms; the topic the
 * docs do not cover comes first among the gaps.
 */
abstract class InsightsApiContract {

    /** The tenant's Slack workspace, as the hub's Web API calls reach it. */
    static final FakeSlackWebApi SLACK = new FakeSlackWebApi();

    @LocalServerPort
    int port;

    /** Slack's Web API is the fake; digests are checked for and retried every second. */
    static void settings(DynamicPropertyRegistry registry) {
        HubTestSupport.hubDefaults(registry);
        registry.add("hub.slack.api-url", SLACK::url);
        registry.add("hub.insights.digest-check-interval", () -> "PT1S");
        registry.add("hub.insights.digest-retry-delay", () -> "PT1S");
    }

    @Test
    void namesTheTopicsCustomersAskedAboutAndPutsTheUncoveredOneFirstAmongGaps() {
        SmallHelpCenter help = new SmallHelpCenter(new ApiClient(port), "acme");
        help.open();
        List<String> questions = new ArrayList<>();
        for (int i = 0; i < 13; i++) { // interleaved, as customers would ask
            questions.add(SmallHelpCenter.PASSWORD_QUESTIONS.get(i));
            questions.add(SmallHelpCenter.PDF_QUESTIONS.get(i));
            if (i < SmallHelpCenter.API_KEY_QUESTIONS.size()) {
                questions.add(SmallHelpCenter.API_KEY_QUESTIONS.get(i));
            }
        }
        help.ask(questions);

        JsonNode insights = help.insights("?days=7");

        assertThat(insights.get("from").stringValue()).isNotBlank();
        assertThat(insights.get("to").stringValue()).isNotBlank();
        JsonNode totals = insights.get("totals");
        assertThat(totals.get("conversations").longValue()).isEqualTo(36);
        assertThat(totals.get("resolved").longValue() + totals.get("handedOff").longValue()).isEqualTo(36);
        assertThat(totals.get("coinsSpent").longValue()).isEqualTo(totals.get("resolved").longValue());
        assertThat(totals.get("resolutionRate").doubleValue()).isBetween(0.5, 0.8);

        List<JsonNode> topics = list(insights.get("topics"));
        assertThat(topics.subList(0, 3)).extracting(t -> t.get("label").stringValue())
                .anySatisfy(label -> assertThat(label).contains("password"))
                .anySatisfy(label -> assertThat(label).contains("pdf"))
                .anySatisfy(label -> assertThat(label).contains("api"));
        assertThat(topics.subList(0, 3)).extracting(t -> t.get("count").intValue()).containsExactlyInAnyOrder(13, 13, 10);
        assertThat(topics).allSatisfy(topic -> {
            assertThat(topic.get("trend").stringValue()).isEqualTo("new");
            assertThat(topic.get("examples").size()).isBetween(1, 5);
            assertThat(topic.get("resolved").intValue() + topic.get("handedOff").intValue())
                    .isLessThanOrEqualTo(topic.get("count").intValue());
        });

        JsonNode firstGap = insights.get("gaps").get(0);
        assertThat(firstGap.get("label").stringValue()).contains("api");
        assertThat(firstGap.get("count").intValue()).isEqualTo(10);
        assertThat(firstGap.get("examples").size()).isEqualTo(5);
        assertThat(list(firstGap.get("examples"))).extracting(JsonNode::stringValue)
                .allSatisfy(example -> assertThat(SmallHelpCenter.API_KEY_QUESTIONS).contains(example));

        postsTheDigestToTheTenantsSlackChannelOnDemand(help);
    }

    /** The acceptance check's end: the digest names the gap and the top topics in the tenant's Slack channel. */
    private void postsTheDigestToTheTenantsSlackChannelOnDemand(SmallHelpCenter help) {
        ApiClient api = new ApiClient(port);
        assertThat(api.putJson(help.base() + "/channels/slack", "{\"teamId\":\"T0HUBTEST\",\"botToken\":\"xoxb-acme\"}")
                .statusCode()).isEqualTo(200);
        HttpResponse<String> saved = api.putJson(help.base() + "/digest",
                "{\"schedule\":\"weekly\",\"channel\":\"slack\",\"target\":\"C0DIGEST\",\"timeZone\":\"Europe/Berlin\"}");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(SmallHelpCenter.JSON.readTree(api.get(help.base() + "/digest").body()).get("target").stringValue())
                .isEqualTo("C0DIGEST");

        HttpResponse<String> sent = api.postJson(help.base() + "/digest/send", "");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(30)).until(() -> digestPosts().size() == 1);
        FakeSlackWebApi.Call post = digestPosts().getFirst();
        String blocks = post.form().get("blocks");
        assertThat(blocks).contains("\"type\":\"header\"").contains("Weekly digest for Acme")
                .contains("Content gaps").contains("could not get an answer about api, key, rotate")
                .contains("Top topics").contains("password, reset").contains("pdf, note, export")
                .contains("Resolution rate");
        assertThat(post.form().get("text")).contains("Weekly digest for Acme");

        // each send posts; a refused post is retried, and the delivery shows how it went
        SLACK.failNext("chat.postMessage", 1);
        assertThat(api.postJson(help.base() + "/digest/send", "").statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> digestPosts().size() == 2);
        JsonNode latest = SmallHelpCenter.JSON.readTree(api.get(help.base() + "/digest/deliveries").body()).get(0);
        assertThat(latest.get("status").stringValue()).isEqualTo("sent");
        assertThat(latest.get("attempts").intValue()).isEqualTo(2);
    }

    private static List<FakeSlackWebApi.Call> digestPosts() {
        return SLACK.calls("chat.postMessage").stream().filter(c -> "C0DIGEST".equals(c.form().get("channel"))).toList();
    }

    @Test
    void refusesDigestSettingsItCannotUseAndASendWithNowhereToGo() {
        ApiClient api = new ApiClient(port);
        assertThat(api.postJson("/api/v1/tenants", "{\"id\":\"nowhere\",\"name\":\"Nowhere\"}").statusCode()).isEqualTo(201);
        String base = "/api/v1/tenants/nowhere/digest";
        JsonNode defaults = SmallHelpCenter.JSON.readTree(api.get(base).body());
        assertThat(defaults.get("schedule").stringValue()).isEqualTo("weekly");
        assertThat(defaults.get("timeZone").stringValue()).isEqualTo("UTC");

        HttpResponse<String> send = api.postJson(base + "/send", "");
        assertThat(send.statusCode()).isEqualTo(400);
        assertThat(send.body()).contains("nowhere to go yet");
        for (String bad : List.of("{\"channel\":\"fax\",\"target\":\"x\"}",
                "{\"channel\":\"email\",\"target\":\"not-an-address\"}",
                "{\"schedule\":\"every tuesday\",\"channel\":\"slack\",\"target\":\"C1\"}",
                "{\"channel\":\"slack\",\"target\":\"C1\",\"timeZone\":\"Mars/Base\"}",
                "{\"channel\":\"slack\",\"target\":\"C1\",\"colour\":\"red\"}")) {
            HttpResponse<String> refused = api.putJson(base, bad);
            assertThat(refused.statusCode()).as(bad).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/problem+json"));
        }
        assertThat(SmallHelpCenter.JSON.readTree(api.get(base).body()).get("channel").isNull()).isTrue();
    }

    @Test
    void aTenantWithoutConversationsGetsAnEmptyReport() {
        ApiClient api = new ApiClient(port);
        assertThat(api.postJson("/api/v1/tenants", "{\"id\":\"quiet\",\"name\":\"Quiet\"}").statusCode()).isEqualTo(201);

        JsonNode insights = SmallHelpCenter.JSON.readTree(api.get("/api/v1/tenants/quiet/insights").body());

        assertThat(insights.at("/totals/conversations").longValue()).isZero();
        assertThat(insights.at("/totals/resolutionRate").doubleValue()).isZero();
        assertThat(insights.get("topics").size()).isZero();
        assertThat(insights.get("gaps").size()).isZero();
    }

    @Test
    void refusesAPeriodItCannotReportOnWithAProblemThatSaysWhy() {
        ApiClient api = new ApiClient(port);
        for (String days : List.of("0", "366", "seven", "-1")) {
            HttpResponse<String> response = api.get("/api/v1/tenants/default/insights?days=" + days);
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/problem+json"));
            assertThat(SmallHelpCenter.JSON.readTree(response.body()).get("detail").stringValue())
                    .contains("'days' must be a whole number of days from 1 to 365");
        }
        assertThat(api.get("/api/v1/tenants/nobody/insights").statusCode()).isEqualTo(404);
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }
}
