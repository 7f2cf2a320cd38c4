package io.resolvehub.security;

import io.resolvehub.HubTestSupport;
import io.resolvehub.agent.index.ElasticsearchServer;
import io.resolvehub.agent.isolation.TwoHelpCenters;
import io.resolvehub.api.ApiClient;
import io.resolvehub.core.TenantId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Retrieval isolation from outside, through {@code POST /api/v1/tenants/{t}/ask} on the Elasticsearch backend, where
 * every tenant's chunks share one index: two tenants, each asked by its own admin's session, whose help centers say
 * different things about refunds and one of which knows a topic the other does not. Asked in the other tenant's
 * words, a tenant's answer never cites, quotes or snippets the other's sources. (The engine-level and index-level
 * tests are agent-engine's {@code ElasticsearchAnswerIsolationTest} and {@code ElasticsearchKnowledgeIndexTest}.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AskIsolationOnElasticsearchTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = "correct horse battery staple";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        HubTestSupport.hubDefaults(registry);
        registry.add("hub.search.backend", () -> "elasticsearch");
        registry.add("hub.search.elasticsearch.url", ElasticsearchServer::url);
        registry.add("hub.search.elasticsearch.index", () -> "ask-isolation-" + System.nanoTime());
    }

    @LocalServerPort
    int port;

    private ApiClient owner;
    private final Set<String> acmeSources = new HashSet<>();
    private final Set<String> globexSources = new HashSet<>();
    private final HttpClient http = HttpClient.newHttpClient();
    @Autowired
    AdminUsers admins;
    private String acmeSession;
    private String globexSession;

    @BeforeAll
    void twoHelpCenters() {
        owner = new ApiClient(port);
        for (String tenant : new String[]{"acme", "globex"}) {
            assertThat(owner.postJson("/api/v1/tenants", "{\"id\":\"" + tenant + "\"}").statusCode()).isEqualTo(201);
        }
        TwoHelpCenters.ACME.forEach(article -> acmeSources.add(addText("acme", article.title(), article.text())));
        TwoHelpCenters.GLOBEX.forEach(article -> globexSources.add(addText("globex", article.title(), article.text())));
        for (String id : acmeSources) {
            awaitReady("acme", id);
        }
        for (String id : globexSources) {
            awaitReady("globex", id);
        }
        admins.createTenantAdmin("lead@acme.example", PASSWORD, new TenantId("acme"));
        admins.createTenantAdmin("lead@globex.example", PASSWORD, new TenantId("globex"));
        acmeSession = AdminSignIn.signIn(http, port, "lead@acme.example", PASSWORD);
        globexSession = AdminSignIn.signIn(http, port, "lead@globex.example", PASSWORD);
    }

    @ParameterizedTest
    @MethodSource("io.resolvehub.agent.isolation.TwoHelpCenters#inGlobexsWords")
    void acmesAskInGlobexsWordsNeverCitesOrQuotesGlobex(String question) {
        HttpResponse<String> response = ask(acmeSession, "acme", question);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode answer = JSON.readTree(response.body());
        assertThat(cited(answer)).as(response.body()).isSubsetOf(acmeSources).doesNotContainAnyElementsOf(globexSources);
        assertThat(response.body()).as("text and snippets").doesNotContain("4242").doesNotContain("badge number")
                .doesNotContain("45 days").doesNotContain("GX-7 signed").doesNotContain("Payslips appear")
                .doesNotContain("Zorblax payroll portal");
    }

    @ParameterizedTest
    @ValueSource(strings = {"How long do refunds take?", "how long do refnds take"})
    void theSameQuestionGetsEachTenantItsOwnSources(String question) {
        HttpResponse<String> acme = ask(acmeSession, "acme", question);
        HttpResponse<String> globex = ask(globexSession, "globex", question);

        assertThat(cited(JSON.readTree(acme.body()))).as(acme.body()).isNotEmpty().isSubsetOf(acmeSources);
        assertThat(acme.body()).contains("14 days").doesNotContain("45 days");
        assertThat(cited(JSON.readTree(globex.body()))).as(globex.body()).isNotEmpty().isSubsetOf(globexSources);
        assertThat(globex.body()).contains("45 days").doesNotContain("14 days");
    }

    @Test
    void anAdminOfOneTenantCannotAskTheOther() {
        HttpResponse<String> response = ask(acmeSession, "globex", "How do I reset the Zorblax payroll portal?");

        assertThat(response.statusCode()).isIn(403, 404);
        assertThat(response.body()).doesNotContain("4242");
    }

    private HttpResponse<String> ask(String session, String tenant, String question) {
        return owner.send(owner.anonymous("/api/v1/tenants/" + tenant + "/ask")
                .header("Cookie", session).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("question", question)))).build());
    }

    private static Set<String> cited(JsonNode answer) {
        Set<String> ids = new HashSet<>();
        answer.path("citations").forEach(citation -> ids.add(citation.get("sourceId").asString()));
        return ids;
    }

    private String addText(String tenant, String title, String text) {
        HttpResponse<String> created = owner.postJson("/api/v1/tenants/" + tenant + "/sources",
                JSON.writeValueAsString(Map.of("type", "text", "title", title, "text", text)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
        return JSON.readTree(created.body()).get("id").asString();
    }

    private void awaitReady(String tenant, String id) {
        await().atMost(Duration.ofSeconds(90)).until(() -> {
            for (JsonNode source : JSON.readTree(owner.get("/api/v1/tenants/" + tenant + "/sources").body())) {
                if (source.get("id").asString().equals(id)) {
                    assertThat(source.get("status").asString()).isNotEqualTo("failed");
                    return source.get("status").asString().equals("ready");
                }
            }
            return false;
        });
    }
}
