package io.resolvehub.api.conversations;

import io.resolvehub.api.ApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web channel, inbox and hand-off policy over real HTTP, through the real intake, workers, pipeline and billing,
 * on each database (see the subclasses). The agent is scripted ({@link ScriptedAgent}) so the decisions are predictable.
 */
abstract class ConversationsApiContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void clientAndCoins() {
        api = new ApiClient(port);
        // the AI takes a conversation only when the tenant's coins cover the hold (billing's real meter)
        assertThat(api.postJson("/api/v1/tenants/default/topups", "{\"coins\":1000,\"reference\":\"conversations-api-test\"}")
                .statusCode()).isBetween(200, 201);
    }

    private String start() {
        HttpResponse<String> created = api.postJson("/api/v1/tenants/default/conversations", "{\"user\":\"dana\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        return json(created).get("id").stringValue();
    }

    private JsonNode say(String id, String text) {
        HttpResponse<String> response = api.postJson("/api/v1/tenants/default/conversations/" + id + "/messages",
                JSON.writeValueAsString(java.util.Map.of("text", text)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    @Test
    void answersAWebMessageSynchronouslyWithCitations() {
        String id = start();

        JsonNode reply = say(id, "How do I reset my password?");

        assertThat(reply.get("status").stringValue()).isEqualTo("open");
        assertThat(reply.at("/reply/decision").stringValue()).isEqualTo("answer");
        assertThat(reply.at("/reply/confidence").doubleValue()).isEqualTo(0.92);
        assertThat(reply.at("/reply/citations/0/title").stringValue()).isEqualTo("Resetting your password");
        assertThat(reply.at("/reply/reason").isMissingNode()).isTrue();

        JsonNode transcript = json(api.get("/api/v1/tenants/default/conversations/" + id));
        assertThat(transcript.get("turns")).hasSize(2);
        assertThat(transcript.at("/turns/1/confidence").doubleValue()).isEqualTo(0.92);
        assertThat(transcript.at("/turns/1/citations/0/url").stringValue()).isEqualTo("https://help.example.com/reset");
        assertThat(transcript.at("/events/0/type").stringValue()).isEqualTo("opened");
    }

    @Test
    void handsOffToAPersonWithATicketAndThenStaysSilent() {
        String id = start();

        JsonNode handoff = say(id, "I want to talk to a human");
        assertThat(handoff.at("/reply/decision").stringValue()).isEqualTo("handoff");
        assertThat(handoff.at("/reply/reason").stringValue()).isEqualTo("user_request");
        assertThat(handoff.at("/reply/text").stringValue()).contains("#HUB-");
        assertThat(handoff.get("status").stringValue()).isEqualTo("escalated");

        JsonNode after = say(id, "hello?");
        assertThat(after.get("reply").isNull()).isTrue();
        assertThat(after.get("status").stringValue()).isEqualTo("escalated");

        JsonNode inbox = json(api.get("/api/v1/tenants/default/conversations?status=escalated&channel=web"));
        JsonNode row = null;
        for (JsonNode item : inbox) if (item.get("id").stringValue().equals(id)) row = item;
        assertThat(row).isNotNull();
        assertThat(row.get("handoffReason").stringValue()).isEqualTo("user_request");
        assertThat(row.at("/ticket/id").stringValue()).startsWith("HUB-");
        assertThat(row.at("/user/name").stringValue()).isEqualTo("dana");

        String byTicket = "/api/v1/tenants/default/conversations/by-ticket/" + row.at("/ticket/system").stringValue()
                + "/" + row.at("/ticket/id").stringValue();
        JsonNode found = json(api.get(byTicket));
        assertThat(found.get("id").stringValue()).as("the ticket leads back to its conversation").isEqualTo(id);
        assertThat(found.get("turns").get(0).get("text").stringValue()).isEqualTo("I want to talk to a human");
        HttpResponse<String> untouched = api.get("/api/v1/tenants/default/conversations/by-ticket/zendesk/987654");
        assertThat(untouched.statusCode()).isEqualTo(404);
        assertThat(json(untouched).get("detail").stringValue()).contains("no part in zendesk ticket '987654'");
        assertThat(api.get("/api/v1/tenants/default/conversations/by-ticket/Not%20A%20System/1").statusCode()).isEqualTo(400);
    }

    @Test
    void aPersonRepliesInAHandedOffConversationThenClosesIt() {
        String id = start();
        say(id, "I want to talk to a human");
        String base = "/api/v1/tenants/default/conversations/" + id;

        HttpResponse<String> sent = api.postJson(base + "/replies", "{\"text\":\"I have reset it for you.\"}");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);

        JsonNode transcript = json(api.get(base));
        JsonNode last = transcript.get("turns").get(transcript.get("turns").size() - 1);
        assertThat(last.get("role").stringValue()).isEqualTo("human");
        assertThat(last.get("text").stringValue()).isEqualTo("I have reset it for you.");
        assertThat(transcript.findValuesAsString("type")).contains("human_reply");

        HttpResponse<String> closed = api.postJson(base + "/close", "{\"outcome\":\"resolved_by_human\"}");
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        JsonNode after = json(api.get(base));
        assertThat(after.get("status").stringValue()).isEqualTo("resolved");
        assertThat(after.findValuesAsString("type")).doesNotContain("charge");

        HttpResponse<String> again = api.postJson(base + "/replies", "{\"text\":\"one more\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).get("detail").stringValue()).contains("resolved");
    }

    @Test
    void aConversationReturnedToTheAiIsAnsweredAgain() {
        String id = start();
        say(id, "I want to talk to a human");
        String base = "/api/v1/tenants/default/conversations/" + id;

        assertThat(api.postJson(base + "/return-to-ai", "{}").statusCode()).isEqualTo(200);

        JsonNode reply = say(id, "How do I reset my password?");
        assertThat(reply.at("/reply/decision").stringValue()).isEqualTo("answer");
        assertThat(reply.get("status").stringValue()).isEqualTo("open");
    }

    @Test
    void theDeskRefusesBadInputAndConversationsNoPersonOwns() {
        String id = start();
        say(id, "How do I reset my password?");
        String base = "/api/v1/tenants/default/conversations/" + id;

        assertThat(api.postJson(base + "/replies", "{\"text\":\"hello\"}").statusCode()).isEqualTo(409);
        assertThat(api.postJson(base + "/return-to-ai", "{}").statusCode()).isEqualTo(409);
        HttpResponse<String> noOutcome = api.postJson(base + "/close", "{\"outcome\":\"done\"}");
        assertThat(noOutcome.statusCode()).isEqualTo(400);
        assertThat(json(noOutcome).get("detail").stringValue()).contains("resolved_by_human");
        assertThat(api.postJson(base + "/replies", "{}").statusCode()).isEqualTo(400);
        assertThat(api.postJson("/api/v1/tenants/default/conversations/nope/replies", "{\"text\":\"x\"}")
                .statusCode()).isEqualTo(404);
        assertThat(json(api.get(base)).get("status").stringValue()).isEqualTo("open");
    }

    @Test
    void handsOffAtOnceWhenTheTenantHasNoCoins() {
        assertThat(api.postJson("/api/v1/tenants", "{\"id\":\"broke\",\"name\":\"Broke\"}").statusCode()).isEqualTo(201);
        String id = json(api.postJson("/api/v1/tenants/broke/conversations", "{}")).get("id").stringValue();

        HttpResponse<String> response = api.postJson("/api/v1/tenants/broke/conversations/" + id + "/messages",
                "{\"text\":\"How do I reset my password?\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).at("/reply/reason").stringValue()).isEqualTo("insufficient_balance");
    }

    /**
     * The acceptance check of growing holds: pricing base 10, extra 5, max 40 and 60 coins. Six one-answer
     * conversations are served, the seventh goes to a person, and 60 coins are held; a second answer in a served
     * conversation, whose hold cannot grow by 5, goes to a person too and its 10 coins are released.
     */
    @Test
    void servesSixOneAnswerConversationsOnSixtyCoinsAtBaseTenAndRefusesTheSeventh() {
        String tenant = "holds-" + System.nanoTime() % 1_000_000;
        String base = "/api/v1/tenants/" + tenant;
        assertThat(api.postJson("/api/v1/tenants", "{\"id\":\"" + tenant + "\",\"name\":\"Holds\"}").statusCode())
                .isEqualTo(201);
        assertThat(api.putJson(base + "/pricing",
                "{\"baseCoins\":10,\"coinsPerExtraAnswer\":5,\"maxCoins\":40,\"lowBalanceCoins\":0}").statusCode())
                .isEqualTo(200);
        assertThat(api.postJson(base + "/topups", "{\"coins\":60,\"reference\":\"acceptance\"}").statusCode())
                .isEqualTo(200);

        List<String> ids = new java.util.ArrayList<>();
        List<JsonNode> replies = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String id = json(api.postJson(base + "/conversations", "{\"user\":\"customer-" + i + "\"}"))
                    .get("id").stringValue();
            HttpResponse<String> response = api.postJson(base + "/conversations/" + id + "/messages",
                    "{\"text\":\"How do I reset my password?\"}");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            replies.add(json(response));
            ids.add(id);
        }

        assertThat(replies.subList(0, 6)).allSatisfy(r ->
                assertThat(r.at("/reply/decision").stringValue()).isEqualTo("answer"));
        assertThat(replies.get(6).at("/reply/decision").stringValue()).isEqualTo("handoff");
        assertThat(replies.get(6).at("/reply/reason").stringValue()).isEqualTo("insufficient_balance");
        assertThat(api.get(base + "/balance").body()).isEqualTo("{\"balance\":60,\"held\":60,\"available\":0}");

        JsonNode second = json(api.postJson(base + "/conversations/" + ids.get(0) + "/messages",
                "{\"text\":\"And how do I change it?\"}"));
        assertThat(second.at("/reply/reason").stringValue()).isEqualTo("insufficient_balance");
        assertThat(api.get(base + "/balance").body()).isEqualTo("{\"balance\":60,\"held\":50,\"available\":10}");
    }

    @Test
    void asksToClarifyALowConfidenceQuestionFirst() {
        String id = start();
        JsonNode reply = say(id, "something unknowable");
        assertThat(reply.at("/reply/decision").stringValue()).isEqualTo("clarify");
        JsonNode second = say(id, "still unknowable");
        assertThat(second.at("/reply/reason").stringValue()).isEqualTo("low_confidence");
    }

    @Test
    void feedbackResolvesTheConversation() {
        String id = start();
        say(id, "How do I reset my password?");

        HttpResponse<String> feedback = api.postJson("/api/v1/tenants/default/conversations/" + id + "/feedback",
                "{\"resolved\":true}");

        assertThat(feedback.statusCode()).isEqualTo(200);
        assertThat(json(feedback).get("status").stringValue()).isEqualTo("resolved");
        JsonNode transcript = json(api.get("/api/v1/tenants/default/conversations/" + id));
        assertThat(transcript.get("resolution").stringValue()).isEqualTo("confirmed");
        List<String> types = new java.util.ArrayList<>();
        transcript.get("events").forEach(e -> types.add(e.get("type").stringValue()));
        assertThat(types).as("the transcript shows the hold and the one charge").contains("resolved", "hold", "charge")
                .filteredOn("charge"::equals).hasSize(1);
    }

    @Test
    void refusesBadInputWithAnActionableProblem() {
        String id = start();
        assertThat(api.postJson("/api/v1/tenants/default/conversations/" + id + "/messages", "{\"text\":\"  \"}")
                .statusCode()).isEqualTo(400);
        assertThat(api.postJson("/api/v1/tenants/default/conversations/" + id + "/feedback", "{\"resolved\":\"yes\"}")
                .statusCode()).isEqualTo(400);
        HttpResponse<String> badStatus = api.get("/api/v1/tenants/default/conversations?status=closed");
        assertThat(badStatus.statusCode()).isEqualTo(400);
        assertThat(badStatus.body()).contains("open, escalated, resolved");
        HttpResponse<String> unknown = api.postJson("/api/v1/tenants/default/conversations/nope/messages", "{\"text\":\"hi\"}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(api.get("/api/v1/tenants/nobody/conversations").statusCode()).isEqualTo(404);
    }

    @Test
    void readsAndValidatesTheHandoffPolicy() {
        JsonNode defaults = json(api.get("/api/v1/tenants/default/handoff-policy"));
        assertThat(defaults.get("confidenceThreshold").doubleValue()).isEqualTo(0.5);
        assertThat(defaults.get("maxAiTurns").intValue()).isEqualTo(3);
        assertThat(defaults.get("clarifyFirst").booleanValue()).isTrue();

        HttpResponse<String> saved = api.putJson("/api/v1/tenants/default/handoff-policy",
                "{\"confidenceThreshold\":0.6,\"maxAiTurns\":5,\"humanPhrases\":[\"human please\"],\"clarifyFirst\":false}");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);

        String tooMany = "[" + "\"p\",".repeat(100) + "\"p\"]";
        for (String bad : List.of("{\"confidenceThreshold\":1.5}", "{\"maxAiTurns\":0}", "{\"maxAiTurns\":51}",
                "{\"humanPhrases\":[\"ok\",\" \"]}", "{\"humanPhrases\":" + tooMany + "}", "{\"clarifyFirst\":\"no\"}",
                "{\"maxAiTurns\":4,\"confidenceThreshold\":-1}", "{\"threshold\":0.2}")) {
            HttpResponse<String> refused = api.putJson("/api/v1/tenants/default/handoff-policy", bad);
            assertThat(refused.statusCode()).as(bad).isEqualTo(400);
            assertThat(refused.body()).as(bad).contains("Nothing was changed").doesNotContain("Exception");
        }
        JsonNode after = json(api.get("/api/v1/tenants/default/handoff-policy"));
        assertThat(after.get("confidenceThreshold").doubleValue()).isEqualTo(0.6);
        assertThat(after.get("maxAiTurns").intValue()).isEqualTo(5);
        assertThat(after.get("humanPhrases")).hasSize(1);

        api.putJson("/api/v1/tenants/default/handoff-policy", JSON.writeValueAsString(java.util.Map.of(
                "confidenceThreshold", 0.5, "maxAiTurns", 3, "clarifyFirst", true,
                "humanPhrases", io.resolvehub.core.conversation.HandoffPolicy.DEFAULT_HUMAN_PHRASES)));
    }
}
