package io.resolvehub.api.insights;

import io.resolvehub.api.ApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /insights} over real HTTP on each database (see the subclasses): about forty web conversations on a small
 * help center, answered by the real agent, grouped into topics by meaning and named by their terms; the topic the
 * docs do not cover comes first among the gaps.
 */
abstract class InsightsApiContract {

    @LocalServerPort
    int port;

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
