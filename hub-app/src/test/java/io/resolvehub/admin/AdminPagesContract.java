package io.resolvehub.admin;

import io.resolvehub.api.ApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each page's forms over real HTTP, signed in with the login form: what they change is read back through the REST
 * API, bad input is explained next to its field and changes nothing, and a form without its CSRF token is refused.
 * (The browser tests cover the pages' flows in Chromium; these cover the controllers' other answers.)
 */
abstract class AdminPagesContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Value("${hub.data-dir}")
    Path dataDir;

    private ApiClient api;
    private AdminSession admin;

    @BeforeEach
    void signIn() throws IOException {
        api = new ApiClient(port);
        int created = api.postJson("/api/v1/tenants", "{\"id\":\"pages-co\",\"name\":\"Pages Co\"}").statusCode();
        assertThat(created).isIn(201, 409);
        admin = new AdminSession(port, "admin", Files.readString(dataDir.resolve("initial-admin-password")).strip());
    }

    private JsonNode apiJson(String path) {
        return JSON.readTree(api.get(path).body());
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefusedAndChangesNothing() {
        JsonNode before = apiJson("/api/v1/tenants/pages-co/balance");
        HttpResponse<String> refused = admin.post("/t/pages-co/billing/topup", Map.of("coins", "500", "reference", "no-token"), null);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(apiJson("/api/v1/tenants/pages-co/balance")).isEqualTo(before);
    }

    @Test
    void theVoiceIsSavedAndATooLongNameIsExplainedNextToItsField() {
        HttpResponse<String> tooLong = admin.submit("/t/pages-co/voice", "/t/pages-co/voice",
                Map.of("assistantName", "x".repeat(500), "tone", "friendly", "greeting", "", "signOff", ""));
        assertThat(tooLong.statusCode()).isEqualTo(200);
        assertThat(tooLong.body()).contains("id=\"assistantName-error\"").contains("aria-invalid=\"true\"");
        assertThat(apiJson("/api/v1/tenants/pages-co/voice").toString()).doesNotContain("xxxxx");

        HttpResponse<String> saved = admin.submit("/t/pages-co/voice", "/t/pages-co/voice",
                Map.of("assistantName", "Nova", "tone", "friendly", "greeting", "Hi there!", "signOff", "— Pages Co"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(saved.headers().firstValue("Location").orElseThrow()).endsWith("/t/pages-co/voice");
        assertThat(apiJson("/api/v1/tenants/pages-co/voice").toString()).contains("Nova").contains("Hi there!");
        assertThat(admin.get("/t/pages-co/voice").body()).contains("value=\"Nova\"");
    }

    @Test
    void theUsersPageShowsTheTenantsAuditLogAndNoOtherTenants() {
        assertThat(api.postJson("/api/v1/tenants", "{\"id\":\"other-co\",\"name\":\"Other Co\"}").statusCode()).isIn(201, 409);
        assertThat(api.putJson("/api/v1/tenants/other-co/voice",
                "{\"assistantName\":\"Otto\",\"tone\":\"dry\",\"greeting\":\"\",\"signOff\":\"\"}").statusCode()).isEqualTo(200);
        assertThat(admin.submit("/t/pages-co/voice", "/t/pages-co/voice",
                Map.of("assistantName", "Audra", "tone", "friendly", "greeting", "", "signOff", "")).statusCode()).isEqualTo(302);

        String page = admin.get("/t/pages-co/users").body();
        String audit = page.substring(page.indexOf("id=\"audit\""));
        assertThat(audit).contains("POST /t/pages-co/voice").contains("<td>admin</td>").contains("127.0.0.1")
                .contains("UTC").doesNotContain("other-co").doesNotContain("Audra");
    }

    @Test
    void pricingIsCheckedAcrossItsFieldsThenSaved() {
        JsonNode before = apiJson("/api/v1/tenants/pages-co/pricing");
        HttpResponse<String> invalid = admin.submit("/t/pages-co/billing", "/t/pages-co/billing/pricing",
                Map.of("baseCoins", "6", "coinsPerExtraAnswer", "1", "maxCoins", "5", "lowBalanceCoins", "20"));
        assertThat(invalid.statusCode()).isEqualTo(200);
        assertThat(invalid.body()).containsPattern("id=\"(baseCoins|maxCoins)-error\">[^<]*maxCoins");
        assertThat(apiJson("/api/v1/tenants/pages-co/pricing")).isEqualTo(before);

        HttpResponse<String> saved = admin.submit("/t/pages-co/billing", "/t/pages-co/billing/pricing",
                Map.of("baseCoins", "2", "coinsPerExtraAnswer", "1", "maxCoins", "8", "lowBalanceCoins", "20"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(apiJson("/api/v1/tenants/pages-co/pricing").toString())
                .isEqualTo("{\"baseCoins\":2,\"coinsPerExtraAnswer\":1,\"maxCoins\":8,\"lowBalanceCoins\":20}");
    }

    @Test
    void theLedgerDownloadsAsCsvWithTheTopUpMadeOnThePage() {
        assertThat(admin.submit("/t/pages-co/billing", "/t/pages-co/billing/topup",
                Map.of("coins", "70", "reference", "csv-check")).statusCode()).isEqualTo(302);

        HttpResponse<String> csv = admin.get("/t/pages-co/billing/ledger.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).contains("ledger-pages-co.csv");
        assertThat(csv.body().lines().toList()).hasSizeGreaterThanOrEqualTo(2)
                .anySatisfy(line -> assertThat(line).contains("topup").contains("70"));
    }

    @Test
    void aWebAddressIsCheckedNextToItsFieldAndASourceIsDeleted() {
        HttpResponse<String> refused = admin.submit("/t/pages-co/knowledge", "/t/pages-co/knowledge/web",
                Map.of("type", "sitemap", "url", "ftp://help.example.test/sitemap.xml"));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("id=\"url-error\"").contains("Enter an http(s) address");
        assertThat(apiJson("/api/v1/tenants/pages-co/sources")).isEmpty();

        String id = JSON.readTree(api.postJson("/api/v1/tenants/pages-co/sources",
                "{\"type\":\"text\",\"title\":\"Opening hours\",\"text\":\"We are open from nine to five.\"}").body())
                .get("id").stringValue();
        HttpResponse<String> deleted = admin.submit("/t/pages-co/knowledge", "/t/pages-co/knowledge/" + id + "/delete", Map.of());
        assertThat(deleted.statusCode()).isEqualTo(302);
        assertThat(apiJson("/api/v1/tenants/pages-co/sources")).isEmpty();
        assertThat(admin.get("/t/pages-co/knowledge/sources").body()).as("the polled block").contains("No sources yet");
    }

    @Test
    void anEmptyReplyIsExplainedAndTheConversationGoesBackToTheAi() {
        String id = JSON.readTree(api.postJson("/api/v1/tenants/pages-co/conversations", "{\"user\":\"kim\"}").body())
                .get("id").stringValue();
        String base = "/api/v1/tenants/pages-co/conversations/" + id;
        assertThat(JSON.readTree(api.postJson(base + "/messages", "{\"text\":\"I want to talk to a human\"}").body())
                .get("status").stringValue()).isEqualTo("escalated");
        String page = "/t/pages-co/inbox/" + id;

        HttpResponse<String> empty = admin.submit(page, page + "/reply", Map.of("text", "   "));
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.body()).contains("Write the reply the customer should get.");
        assertThat(apiJson(base).get("turns").findValuesAsString("role")).doesNotContain("human");

        assertThat(admin.submit(page, page + "/return-to-ai", Map.of()).statusCode()).isEqualTo(302);
        assertThat(apiJson(base).get("status").stringValue()).isEqualTo("open");
        assertThat(admin.get(page).body()).contains("Returned to the AI").doesNotContain("/reply\"");
    }
}
