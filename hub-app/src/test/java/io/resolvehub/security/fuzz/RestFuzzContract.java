package io.resolvehub.security.fuzz;

import io.resolvehub.agent.KnowledgeBase;
import io.resolvehub.agent.ingest.KnowledgeSources;
import io.resolvehub.api.ApiClient;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.testing.MalformedInputs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Fuzzes every JSON body of the REST API and the upload endpoint over real HTTP: {@value #INPUTS} malformed variants
 * of each surface's valid requests (seeded, so a failure replays). None may end in a 5xx; every refusal is
 * problem+json with a detail that names no Java type; a refused request changes nothing (the resource it addressed
 * reads the same before and after); and the API still works afterwards. The status histograms go to
 * {@code target/fuzz/<surface>.txt} (reported in docs/security.md).
 */
public abstract class RestFuzzContract {

    static final int INPUTS = 10_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String T = "/api/v1/tenants/fuzz";
    private static final String[] ODD_TYPES = {"text/plain", "application/json; charset=ISO-8859-1",
            "application/x-www-form-urlencoded", "application/xml", "application/json; charset=utf-16", "*/*", "application/jso"};

    /** One JSON route: where it is, a valid body, and what reads the resource it changes (null: nothing to compare). */
    private record Route(String method, String path, String seed, String readBack) {
    }

    @LocalServerPort
    int port;
    @Autowired
    KnowledgeSources sources;
    @Autowired
    KnowledgeBase knowledge;

    private ApiClient api;
    private String conversation;
    private final List<String> failures = new java.util.ArrayList<>();

    protected abstract String database();

    /** Inputs per surface: {@value #INPUTS} on the embedded default; fewer where only the storage differs. */
    protected int inputs() {
        return INPUTS;
    }

    @BeforeEach
    void tenant() {
        api = new ApiClient(port);
        if (api.get(T).statusCode() == 404) {
            assertThat(api.postJson("/api/v1/tenants", "{\"id\":\"fuzz\",\"name\":\"Fuzz\"}").statusCode()).isEqualTo(201);
        }
        HttpResponse<String> started = api.postJson(T + "/conversations", "{\"user\":\"dana\"}");
        assertThat(started.statusCode()).isEqualTo(201);
        conversation = started.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
    }

    private List<Route> routes() {
        String c = T + "/conversations/" + conversation;
        return List.of(
                new Route("POST", "/api/v1/tenants", "{\"id\":\"acme\",\"name\":\"Acme\"}", null),
                new Route("POST", T + "/sources", "{\"type\":\"text\",\"title\":\"Refunds\",\"text\":\"Refunds take 14 days.\"}", null),
                new Route("POST", T + "/sources", "{\"type\":\"url\",\"url\":\"http://127.0.0.1:9/help\",\"title\":\"Help\"}", null),
                new Route("POST", T + "/sources", "{\"type\":\"zendesk_guide\",\"url\":\"http://127.0.0.1:9/hc/en-us\"}", null),
                new Route("POST", T + "/ask", "{\"question\":\"How do I reset my password?\",\"history\":[{\"role\":\"user\",\"text\":\"hi\"},{\"role\":\"assistant\",\"text\":\"Hello\"}]}", null),
                new Route("POST", T + "/conversations", "{\"user\":\"dana\"}", null),
                new Route("POST", c + "/messages", "{\"text\":\"How do I reset my password?\"}", c),
                new Route("POST", c + "/feedback", "{\"resolved\":true}", c),
                new Route("POST", c + "/replies", "{\"text\":\"A person here: try the reset link.\"}", c),
                new Route("POST", c + "/close", "{\"outcome\":\"unresolved\"}", c),
                new Route("PUT", T + "/handoff-policy", "{\"confidenceThreshold\":0.5,\"maxAiTurns\":3,\"humanPhrases\":[\"agent\",\"human\"],\"clarifyFirst\":true}", T + "/handoff-policy"),
                new Route("PUT", T + "/pricing", "{\"baseCoins\":1,\"coinsPerExtraAnswer\":1,\"maxCoins\":5,\"lowBalanceCoins\":50}", T + "/pricing"),
                new Route("PUT", T + "/voice", "{\"assistantName\":\"Ann\",\"tone\":\"friendly\",\"greeting\":\"Hi!\",\"signOff\":\"Bye\"}", T + "/voice"),
                new Route("PUT", T + "/channels/slack?verify=false", "{\"teamId\":\"T0123ABCD\",\"botToken\":\"xoxb-1-2-abc\",\"escalationChannel\":\"C0123ABCD\"}", T + "/channels"),
                new Route("PUT", T + "/channels/teams?verify=false", "{\"teamsTenantId\":\"72f988bf-86f1-41af-91ab-2d7cd011db47\",\"escalationConversationId\":\"19:abc@thread.tacv2\"}", T + "/channels"),
                new Route("PUT", T + "/channels/zendesk?verify=false", "{\"url\":\"https://acme.zendesk.com\",\"email\":\"bot@acme.com\",\"apiToken\":\"tok\",\"webhookSecret\":\"sec\",\"handoffGroupId\":\"123\",\"botUserId\":\"456\"}", T + "/channels"),
                new Route("POST", T + "/users", "{\"username\":\"dana@acme.com\",\"password\":\"correct horse battery staple\"}", null),
                new Route("POST", T + "/tokens", "{\"name\":\"ci\"}", null),
                new Route("POST", T + "/topups", "{\"coins\":100,\"reference\":\"r-1\"}", T + "/balance"),
                new Route("POST", T + "/charges/1/refund", "{\"reason\":\"dispute\"}", T + "/balance"),
                new Route("PUT", T + "/digest", "{\"schedule\":\"weekly\",\"channel\":\"email\",\"target\":\"ops@acme.com\"}", T + "/digest"));
    }

    @Test
    void tenThousandMalformedJsonBodiesOnEveryRouteGetNo5xxAndChangeNothingWhenRefused() throws IOException {
        List<Route> routes = routes();
        Random pick = new Random(16);
        MalformedInputs[] inputs = new MalformedInputs[routes.size()];
        for (int r = 0; r < routes.size(); r++) {
            inputs[r] = new MalformedInputs(16 + r, List.of(routes.get(r).seed()));
        }
        Map<Integer, Integer> histogram = new TreeMap<>();
        for (int i = 0; i < inputs(); i++) {
            int r = pick.nextInt(routes.size());
            Route route = routes.get(r);
            byte[] body = inputs[r].next();
            String type = pick.nextInt(10) == 0 ? ODD_TYPES[pick.nextInt(ODD_TYPES.length)] : "application/json";
            HttpRequest.Builder request = api.request(route.path()).method(route.method(), HttpRequest.BodyPublishers.ofByteArray(body));
            if (pick.nextInt(40) != 0) {
                request.header("Content-Type", type);
            }
            int status = sendAndCheck(i, route.method() + " " + route.path(), body, request.build(), readBack(route.readBack()));
            histogram.merge(status, 1, Integer::sum);
        }
        report("rest-api-" + database(), histogram);
        assertThat(failures).isEmpty();
        assertThat(api.putJson(T + "/voice", "{\"assistantName\":\"Ann\",\"tone\":\"friendly\",\"greeting\":\"\",\"signOff\":\"\"}")
                .statusCode()).isEqualTo(200);
        assertThat(api.get(T + "/voice").body()).contains("\"assistantName\":\"Ann\"");
    }

    @Test
    void tenThousandOddUploadsGetNo5xxAndAddNoSourceWhenRefused() throws IOException {
        MalformedUploads uploads = new MalformedUploads(16);
        TenantId fuzz = new TenantId("fuzz");
        Map<Integer, Integer> histogram = new TreeMap<>();
        for (int i = 0; i < inputs(); i++) {
            MalformedUploads.Upload upload = uploads.next();
            HttpRequest request = api.request(T + "/sources").header("Content-Type", upload.contentType())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(upload.body())).build();
            int status = sendAndCheck(i, "upload " + upload.contentType(), upload.body(), request,
                    () -> String.valueOf(sources.usage(fuzz)));
            histogram.merge(status, 1, Integer::sum);
        }
        report("uploads-" + database(), histogram);
        assertThat(failures).isEmpty();
        await().atMost(Duration.ofMinutes(5)).until(knowledge::idle);   // the accepted ones are indexed in the background
        HttpResponse<String> real = api.send(api.request(T + "/sources")
                .header("Content-Type", "multipart/form-data; boundary=b")
                .POST(HttpRequest.BodyPublishers.ofString("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"ok.md\"\r\n"
                        + "Content-Type: text/markdown\r\n\r\n# Refunds\n\nRefunds take 14 days.\r\n--b--\r\n")).build());
        assertThat(real.statusCode()).as(real.body()).isEqualTo(202);
    }

    /** What a refused request must leave as it was; a constant when the route changes nothing readable. */
    private Supplier<String> readBack(String path) {
        return path == null ? () -> "" : () -> api.get(path).body();
    }

    /** Checks one input; a failure is collected (the first few of them are reported together at the end). */
    private int sendAndCheck(int i, String what, byte[] body, HttpRequest request, Supplier<String> state) {
        String before = state.get();
        HttpResponse<String> response = api.send(request);
        int status = response.statusCode();
        try {
            check(i, what, body, response, before, state);
        } catch (AssertionError e) {
            if (failures.size() < 20) {
                failures.add(e.getMessage());
            }
        }
        return status;
    }

    private void check(int i, String what, byte[] body, HttpResponse<String> response, String before, Supplier<String> state) {
        int status = response.statusCode();
        assertThat(status).as("input %d %s: %s → %s", i, what, preview(body), response.body()).isLessThan(500);
        if (status >= 400) {
            assertThat(response.headers().firstValue("Content-Type")).as("input %d %s → %d %s", i, what, status, response.body())
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(JSON.readTree(response.body()).path("detail").asString()).as("input %d %s: detail", i, what).hasSizeGreaterThan(10);
            assertThat(response.body()).as("input %d %s: %s", i, what, preview(body))
                    .doesNotContain("io.resolvehub").doesNotContain("Exception").doesNotContain("tools.jackson")
                    .doesNotContain("java.").doesNotContain("org.springframework");
            assertThat(state.get()).as("input %d %s refused with %d changed what it addressed", i, what, status).isEqualTo(before);
        }
    }

    private void report(String surface, Map<Integer, Integer> histogram) throws IOException {
        Path file = Path.of("target", "fuzz", surface + ".txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, surface + ": " + inputs() + " inputs, statuses " + histogram + System.lineSeparator(), StandardCharsets.UTF_8);
    }

    private static String preview(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
        return text.replaceAll("\\p{Cntrl}", "?") + (body.length > 300 ? "… (" + body.length + " bytes)" : "");
    }
}
