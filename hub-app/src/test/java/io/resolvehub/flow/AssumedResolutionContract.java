package io.resolvehub.flow;

import io.resolvehub.api.ApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole product path of an assumed resolution: a web conversation is answered by the agent from the sample help
 * center, the silence window passes, the scheduled sweep resolves it, and billing charges it once — with a receipt —
 * however many sweeps run afterwards.
 */
abstract class AssumedResolutionContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void chargesAnAnsweredConversationOnceWhenTheSilenceWindowPasses() {
        ApiClient api = new ApiClient(port);
        assertThat(api.postJson("/api/v1/tenants/default/topups", "{\"coins\":100,\"reference\":\"assumed-flow\"}")
                .statusCode()).isEqualTo(200);
        await().atMost(Duration.ofMinutes(2)).until(() -> {
            String sources = api.get("/api/v1/tenants/default/sources").body();
            return sources.contains("Reset your password") && !sources.matches("(?s).*\"(pending|indexing)\".*");
        });
        String conversation = json(api.postJson("/api/v1/tenants/default/conversations", "{\"user\":\"casey\"}"))
                .get("id").asString();

        JsonNode reply = json(api.postJson("/api/v1/tenants/default/conversations/" + conversation + "/messages",
                "{\"text\":\"how do I reset my password\"}"));
        assertThat(reply.get("reply").get("decision").asString()).isEqualTo("answer");

        await().atMost(Duration.ofSeconds(30)).until(() -> !charges(api, conversation).isEmpty());
        // Let several more sweeps run: none may charge again.
        await().pollDelay(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(10)).until(() -> true);

        List<JsonNode> charges = charges(api, conversation);
        assertThat(charges).singleElement().satisfies(charge -> {
            assertThat(charge.get("reason").asString()).isEqualTo("assumed");
            assertThat(charge.get("channel").asString()).isEqualTo("web");
            assertThat(charge.get("coins").asLong()).isEqualTo(1);
        });
        JsonNode balance = json(api.get("/api/v1/tenants/default/balance"));
        assertThat(balance.get("balance").asLong()).isEqualTo(99);
        assertThat(balance.get("held").asLong()).isZero();
        assertThat(json(api.get("/api/v1/tenants/default/conversations/" + conversation)).toString())
                .contains("\"resolved\"");
        // the events of this flow reach their listeners in the running hub: the activity counters moved
        assertThat(metric(api, "resolvehub.replies?tag=channel:web&tag=decision:answer")).isGreaterThanOrEqualTo(1);
        assertThat(metric(api, "resolvehub.coins.charged?tag=channel:web&tag=resolution:assumed")).isGreaterThanOrEqualTo(1);
    }

    private static double metric(ApiClient api, String nameAndTags) {
        JsonNode metric = json(api.get("/actuator/metrics/" + nameAndTags));
        return metric.get("measurements").get(0).get("value").asDouble();
    }

    private static List<JsonNode> charges(ApiClient api, String conversation) {
        JsonNode ledger = json(api.get("/api/v1/tenants/default/ledger?limit=1000"));
        return StreamSupport.stream(ledger.spliterator(), false)
                .filter(entry -> "charge".equals(entry.get("type").asString()))
                .filter(entry -> conversation.equals(entry.path("conversation").asString(null)))
                .toList();
    }

    private static JsonNode json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
        return JSON.readTree(response.body());
    }
}
