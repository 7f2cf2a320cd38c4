package io.resolvehub.admin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Zendesk's side of the ticket sidebar app on loopback, so the app's own {@code iframe.html} and {@code main.js} run in
 * the browser unchanged: the Zendesk Apps framework SDK is replaced by a stand-in with the same calls (the open
 * ticket's id and tags, the app's settings, {@code request()}), and {@code request()} goes through a proxy that, as
 * Zendesk's does, puts a secure setting into a {@code {{setting.…}}} placeholder on the server side. Like Zendesk,
 * the stand-in never hands a secure setting to the app's JavaScript.
 */
final class ZendeskSidebarFrame implements AutoCloseable {

    private static final Path APP = Path.of("..", "connector-zendesk", "zendesk-app", "assets");
    private static final String ZAF_SDK = "https://static.zdassets.com/zendesk_app_framework_sdk/2.0/zaf_sdk.min.js";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String hubUrl;
    private final String tenant;
    private volatile String apiToken;
    private volatile String ticketId = "1";
    private volatile List<String> tags = List.of();

    /** @param apiToken the app's secure {@code apiToken} setting; null when the Zendesk admin left it empty */
    ZendeskSidebarFrame(String hubUrl, String tenant, String apiToken) {
        this.hubUrl = hubUrl;
        this.tenant = tenant;
        this.apiToken = apiToken;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/assets/iframe.html", exchange -> {
            String page = Files.readString(APP.resolve("iframe.html"));
            if (!page.contains(ZAF_SDK)) {
                throw new IllegalStateException("iframe.html no longer loads " + ZAF_SDK + "; update this stand-in");
            }
            reply(exchange, 200, "text/html", page.replace(ZAF_SDK, "zaf_sdk.js"));
        });
        server.createContext("/assets/main.js", exchange ->
                reply(exchange, 200, "text/javascript", Files.readString(APP.resolve("main.js"))));
        server.createContext("/assets/zaf_sdk.js", exchange -> reply(exchange, 200, "text/javascript", sdk()));
        server.createContext("/proxy", this::proxy);
        server.start();
    }

    /** The ticket the agent has open. */
    void ticket(String id, String... tags) {
        this.ticketId = id;
        this.tags = List.of(tags);
    }

    void apiToken(String token) {
        this.apiToken = token;
    }

    /** The sidebar as Zendesk frames it next to the open ticket. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/assets/iframe.html";
    }

    /**
     * The SDK's calls main.js makes. A request's promise resolves with the parsed JSON body or rejects with the
     * status, as ZAF's does; once the app's own handlers have run, {@code data-zaf-settled} is set on the page so a
     * test can wait for it instead of sleeping.
     */
    private String sdk() {
        Map<String, Object> settings = Map.of("hubUrl", hubUrl, "tenant", tenant); // secure settings stay on the server
        return """
                window.ZAFClient = { init: function () { return {
                  get: function () { return Promise.resolve({ 'ticket.id': %s, 'ticket.tags': %s, errors: {} }); },
                  metadata: function () { return Promise.resolve({ appId: 0, installationId: 1, settings: %s }); },
                  invoke: function () { return Promise.resolve({}); },
                  request: function (options) {
                    var answer = fetch('/proxy', { method: 'POST', headers: { 'Content-Type': 'application/json' },
                        body: JSON.stringify(options) })
                      .then(function (r) { return r.text().then(function (body) {
                        if (r.status >= 200 && r.status < 300) { return JSON.parse(body); }
                        throw { status: r.status, responseText: body };
                      }); });
                    var settled = function () { setTimeout(function () {
                      document.documentElement.setAttribute('data-zaf-settled', 'yes'); }, 0); };
                    answer.then(settled, settled);
                    return answer;
                  }
                }; } };
                """.formatted(JSON.writeValueAsString(ticketId), JSON.writeValueAsString(tags),
                JSON.writeValueAsString(settings));
    }

    /** Zendesk's request proxy: fills {@code {{setting.apiToken}}} only for a request marked secure. */
    private void proxy(HttpExchange exchange) throws IOException {
        JsonNode options = JSON.readTree(exchange.getRequestBody().readAllBytes());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(options.get("url").stringValue()))
                .method(options.path("type").asString("GET"), HttpRequest.BodyPublishers.noBody());
        boolean secure = options.path("secure").asBoolean(false);
        options.path("headers").properties().forEach(header -> {
            String value = header.getValue().stringValue();
            if (secure) value = value.replace("{{setting.apiToken}}", apiToken == null ? "" : apiToken);
            request.header(header.getKey(), value);
        });
        try {
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            reply(exchange, answer.statusCode(), "application/json", answer.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reply(exchange, 502, "text/plain", "interrupted");
        }
    }

    private static void reply(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
