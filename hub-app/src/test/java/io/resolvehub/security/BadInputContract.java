package io.resolvehub.security;

import io.resolvehub.api.ApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a careless client or an attacker sends the REST API and the admin page: refused with a 400 that says in words
 * which field is wrong (never a Java type), nothing stored; sign-out ends the session; {@code /error} asked directly
 * is no server error.
 */
abstract class BadInputContract {

    private static final String PASSWORD = "correct horse battery staple";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    AdminUsers admins;

    private ApiClient api;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "POST | /api/v1/tenants | []",
            "POST | /api/v1/tenants | {\"id\":1,\"name\":\"One\"}",
            "POST | /api/v1/tenants | `\"acme\"`",
            "POST | /api/v1/tenants/default/sources | {\"type\":\"text\",\"title\":12345,\"text\":\"x\"}",
            "POST | /api/v1/tenants/default/sources | {\"type\":\"text\",\"title\":\"t\",\"text\":true}",
            "PUT | /api/v1/tenants/default/voice | {\"assistantName\":[]}",
            "PUT | /api/v1/tenants/default/handoff-policy | {\"confidenceThreshold\":\"high\"}",
            "PUT | /api/v1/tenants/default/handoff-policy | {\"maxAiTurns\":2.5}",
            "PUT | /api/v1/tenants/default/handoff-policy | {\"clarifyFirst\":\"yes\"}",
            "POST | /api/v1/tenants/default/ask | {\"question\":{}}",
            "PUT | /api/v1/tenants/default/channels/zendesk | {\"url\":{}}",
            "PUT | /api/v1/tenants/default/voice | {\"assistantName\":\"Ann\"} trailing garbage",
            "PUT | /api/v1/tenants/default/voice | {\"assistantName\":\"Ann\\u0000\"}",
            "PUT | /api/v1/tenants/default/voice | {\"assistantName\":\"Ann\\ud800\"}",
            "POST | /api/v1/tenants/default/sources | {\"type\":\"text\",\"title\":\"t\\u001b[31m\",\"text\":\"x\"}",
            "POST | /api/v1/tenants/default/conversations | {\"user\":\"dana\\u0000\"}",
            "POST | /api/v1/tenants/default/ask | {\"question\":\"hi\",\"history\":[{\"role\":\"user\",\"text\":\"a\\u0000\"}]}"})
    void aBodyOfTheWrongShapeIsRefusedInWordsAndNothingIsStored(String method, String path, String body) {
        String voiceBefore = api.get("/api/v1/tenants/default/voice").body();

        HttpResponse<String> response = api.send(api.request(path).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("\"detail\"")
                .doesNotContain("io.resolvehub").doesNotContain("java.").doesNotContain("`").doesNotContain("$")
                .doesNotContain("Cannot deserialize").doesNotContain("tools.jackson");
        assertThat(api.get("/api/v1/tenants/default/voice").body()).isEqualTo(voiceBefore);
        assertThat(api.get("/api/v1/tenants/default/sources").body()).isEqualTo("[]");
    }

    @Test
    void theDetailNamesTheFieldAndWhatItMustBe() {
        HttpResponse<String> wrongType = api.postJson("/api/v1/tenants/default/sources",
                "{\"type\":\"text\",\"title\":12345,\"text\":\"x\"}");
        HttpResponse<String> nul = api.putJson("/api/v1/tenants/default/voice", "{\"assistantName\":\"Ann\\u0000\"}");

        assertThat(wrongType.body()).contains("field 'title' must be a string");
        assertThat(nul.body()).contains("field 'assistantName' holds the control character U+0000");
    }

    /** Found by the REST fuzz test: each was a 500 (the last one naming a Java class in its detail). */
    @Test
    void aFormBodyOnAJsonRouteAndAFileWhereTextBelongsAreRefusedInWords() {
        HttpResponse<String> badEncoding = api.send(api.request("/api/v1/tenants/default/tokens")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[]{'{', '"', (byte) 0xff, 'n', '"', ':', '%', 'z', '}'})).build());
        HttpResponse<String> formPut = api.send(api.request("/api/v1/tenants/default/voice")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .PUT(HttpRequest.BodyPublishers.ofString("assistantName=%E0%A4%A")).build());
        HttpResponse<String> fileAsTitle = api.send(api.request("/api/v1/tenants/default/sources")
                .header("Content-Type", "multipart/form-data; boundary=b")
                .POST(HttpRequest.BodyPublishers.ofString("--b\r\nContent-Disposition: form-data; name=\"title\"; filename=\"t.md\"\r\n"
                        + "\r\n# T\r\n--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"ok.md\"\r\n\r\n# Refunds\r\n--b--\r\n")).build());

        assertThat(badEncoding.statusCode()).as(badEncoding.body()).isEqualTo(415);
        assertThat(badEncoding.body()).contains("send JSON with Content-Type: application/json");
        assertThat(formPut.statusCode()).as(formPut.body()).isEqualTo(415);
        assertThat(fileAsTitle.statusCode()).as(fileAsTitle.body()).isEqualTo(400);
        assertThat(fileAsTitle.body()).contains("'title' has the wrong kind of value").doesNotContain("org.springframework");
        HttpResponse<String> nulInTitle = api.send(api.request("/api/v1/tenants/default/sources")
                .header("Content-Type", "multipart/form-data; boundary=b")
                .POST(HttpRequest.BodyPublishers.ofString("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"notes.md\"\r\n"
                        + "\r\n# Refunds\r\n--b\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nt\u0000\r\n--b--\r\n")).build());
        HttpResponse<String> escapeInName = api.send(api.request("/api/v1/tenants/default/sources")
                .header("Content-Type", "multipart/form-data; boundary=b")
                .POST(HttpRequest.BodyPublishers.ofString("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"no\u001bte.md\"\r\n"
                        + "\r\n# Refunds\r\n--b--\r\n")).build());
        assertThat(nulInTitle.statusCode()).as(nulInTitle.body()).isEqualTo(400);
        assertThat(nulInTitle.body()).contains("'title' holds control characters");
        assertThat(escapeInName.statusCode()).as(escapeInName.body()).isEqualTo(400);
        assertThat(escapeInName.body()).contains("file name holds control characters");
        assertThat(api.get("/api/v1/tenants/default/sources").body()).isEqualTo("[]");
    }

    /** Found by the acceptance probe: Spring read YAML into the same records with Jackson 2, past every strict check. */
    @Test
    void aYamlBodyIsRefusedBeforeItIsReadAndNothingIsStored() {
        String voiceBefore = api.get("/api/v1/tenants/default/voice").body();

        HttpResponse<String> tenant = api.send(api.request("/api/v1/tenants").header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofString("id: yamlco\nname: \"A\\0B\\e[31m\"")).build());
        HttpResponse<String> voice = api.send(api.request("/api/v1/tenants/default/voice")
                .header("Content-Type", "application/x-yaml; charset=utf-8")
                .PUT(HttpRequest.BodyPublishers.ofString("assistantName: \"Ann\\0\"\ntone: friendly")).build());

        assertThat(tenant.statusCode()).as(tenant.body()).isEqualTo(415);
        assertThat(tenant.body()).contains("send JSON with Content-Type: application/json");
        assertThat(voice.statusCode()).as(voice.body()).isEqualTo(415);
        assertThat(api.get("/api/v1/tenants/yamlco").statusCode()).isEqualTo(404);
        assertThat(api.get("/api/v1/tenants/default/voice").body()).isEqualTo(voiceBefore);
        HttpResponse<String> json = api.send(api.request("/api/v1/tenants/default/voice")
                .header("Content-Type", "application/json; charset=UTF-8")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"assistantName\":\"Ann\",\"tone\":\"friendly\"}")).build());
        assertThat(json.statusCode()).as("JSON with a charset is still taken: " + json.body()).isEqualTo(200);
        api.putJson("/api/v1/tenants/default/voice", voiceBefore);
    }

    /** Found by the acceptance probe: Tomcat failed to decode the parameter when it was first read, and that was a 500. */
    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/tenants/default/conversations?channel=%ff",
            "/api/v1/tenants/default/conversations?status=%e0%a4&limit=5", "/api/v1/tenants/default/audit?%ff=1",
            "/api/v1/tenants/default/conversations?channel=%00", "/actuator/health?probe=%ff"})
    void aQueryStringThatIsNotUtf8OrHoldsAControlCharacterIsABadRequest(String pathAndQuery) {
        HttpResponse<String> response = api.get(pathAndQuery);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(response.body()).contains("The query string").contains("percent-encode parameters as UTF-8")
                .doesNotContain("java.").doesNotContain("tomcat");
        assertThat(api.get("/api/v1/tenants/default/conversations?channel=web&status=open").statusCode())
                .as("a well-formed query still works").isEqualTo(200);
    }

    /** Both contexts run with {@code hub.agent.sources.max-per-tenant=2} and {@code max-bytes-per-tenant=64B}. */
    @Test
    void aSourcePastTheTenantsCapsIsRefusedWithWhatToDoAndNothingIsAdded() {
        assertThat(api.postJson("/api/v1/tenants", "{\"id\":\"capped\",\"name\":\"Capped\"}").statusCode()).isEqualTo(201);
        String sources = "/api/v1/tenants/capped/sources";
        assertThat(api.postJson(sources, "{\"type\":\"text\",\"text\":\"" + "r".repeat(40) + "\"}").statusCode()).isEqualTo(202);

        HttpResponse<String> tooManyBytes = api.postJson(sources, "{\"type\":\"text\",\"text\":\"" + "s".repeat(30) + "\"}");
        assertThat(tooManyBytes.statusCode()).isEqualTo(413);
        assertThat(tooManyBytes.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(tooManyBytes.body()).contains("keeps to 70 bytes, over its 64 bytes").contains("nothing was added")
                .contains("Delete uploads it no longer needs");

        assertThat(api.postJson(sources, "{\"type\":\"url\",\"url\":\"http://127.0.0.1:9/help\"}").statusCode()).isEqualTo(202);
        HttpResponse<String> tooMany = api.postJson(sources, "{\"type\":\"url\",\"url\":\"http://127.0.0.1:9/faq\"}");
        assertThat(tooMany.statusCode()).isEqualTo(409);
        assertThat(tooMany.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(tooMany.body()).contains("already has 2 knowledge sources").contains("hub.agent.sources.max-per-tenant");
        assertThat(api.get(sources).body()).contains("127.0.0.1:9/help").doesNotContain("/faq").doesNotContain("sss");
    }

    @Test
    void errorAskedForDirectlyIsNoServerError() {
        HttpResponse<String> anonymous = api.send(api.anonymous("/error").GET().build());
        HttpResponse<String> withToken = api.get("/error");

        assertThat(anonymous.statusCode()).isBetween(400, 499);
        assertThat(withToken.statusCode()).isBetween(400, 499);
    }

    /** Found by the acceptance probe: a post without the form's token was told its account "may not use the API". */
    @Test
    void aPostWithoutTheFormsTokenIsToldToReloadThePage() {
        HttpResponse<String> anonymous = api.send(api.anonymous("/error").POST(HttpRequest.BodyPublishers.noBody()).build());
        admins.create("reload@hub.example", PASSWORD);
        String session = AdminSignIn.signIn(http, port, "reload@hub.example", PASSWORD);
        HttpResponse<String> signedIn = AdminSignIn.send(http, HttpRequest.newBuilder(URI.create(base() + "/logout"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", session)
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=not-the-token")).build());

        for (HttpResponse<String> response : java.util.List.of(anonymous, signedIn)) {
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.body()).contains("security token is missing or has expired: reload the page")
                    .doesNotContain("may not use the API");
        }
        assertThat(page("/t/default/", session).statusCode()).as("still signed in").isEqualTo(200);
    }

    @Test
    void signingOutEndsTheSession() {
        admins.create("signout@hub.example", PASSWORD);
        String session = AdminSignIn.signIn(http, port, "signout@hub.example", PASSWORD);
        HttpResponse<String> page = page("/t/default/", session);
        assertThat(page.statusCode()).isEqualTo(200);
        Matcher csrf = CSRF.matcher(page.body());
        assertThat(csrf.find()).as("the sign-out form carries a CSRF token").isTrue();

        HttpResponse<String> signOut = AdminSignIn.send(http, HttpRequest.newBuilder(URI.create(base() + "/logout"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", session)
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf.group(1))).build());

        assertThat(signOut.statusCode()).isEqualTo(302);
        assertThat(signOut.headers().firstValue("Location").orElseThrow()).endsWith("/login?logout");
        HttpResponse<String> after = page("/t/default/", session);
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void aSessionRequestFromAnotherSiteIsRefusedBeforeItChangesAnything() {
        admins.create("origin@hub.example", PASSWORD);
        String session = AdminSignIn.signIn(http, port, "origin@hub.example", PASSWORD);
        Matcher csrf = CSRF.matcher(page("/t/default/", session).body());
        assertThat(csrf.find()).isTrue();

        HttpResponse<String> forged = AdminSignIn.send(http, HttpRequest.newBuilder(URI.create(base() + "/logout"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", session)
                .header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf.group(1))).build());

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("another site");
        assertThat(page("/t/default/", session).statusCode()).as("still signed in").isEqualTo(200);
    }

    @Test
    void fiveWrongPasswordsLockTheUserOutUntilAnAdminUnlocksIt() {
        admins.create("guess@hub.example", PASSWORD);
        for (int i = 0; i < 5; i++) {
            assertThat(location(AdminSignIn.attempt(http, port, "guess@hub.example", "wrong " + i))).contains("error");
        }

        assertThat(location(AdminSignIn.attempt(http, port, "guess@hub.example", PASSWORD)))
                .as("the right password while locked out").contains("locked");
        HttpResponse<String> unlock = api.postJson("/api/v1/tenants/default/users/guess@hub.example/unlock", "");

        assertThat(unlock.statusCode()).isEqualTo(204);
        assertThat(AdminSignIn.signIn(http, port, "guess@hub.example", PASSWORD)).startsWith("JSESSIONID=");
        assertThat(api.postJson("/api/v1/tenants/default/users/nobody@hub.example/unlock", "").statusCode())
                .isEqualTo(404);
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    private HttpResponse<String> page(String path, String session) {
        return AdminSignIn.send(http, HttpRequest.newBuilder(URI.create(base() + path))
                .header("Accept", "text/html").header("Cookie", session).GET().build());
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
