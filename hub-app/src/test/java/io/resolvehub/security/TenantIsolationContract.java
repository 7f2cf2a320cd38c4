package io.resolvehub.security;

import io.resolvehub.api.ApiClient;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.tenant.TenantDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tenant isolation matrix: every REST route and admin page the hub maps that names a tenant, called for tenant
 * {@code globex} with each credential of tenant {@code acme} (its admin's session, its read-only token), read, write and
 * delete alike. Each is refused (401, 403 or 404; 400 or 415 where Spring refuses the request before any controller
 * runs; a redirect to sign in), and no answer shows globex's data. The same credentials reach their
 * own tenant, so the refusals are about the tenant, not the credential.
 */
abstract class TenantIsolationContract {

    private static final String PASSWORD = "correct horse battery staple";
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern SOURCE_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final String GLOBEX_SECRET_TITLE = "Globex internal escalation matrix";

    @LocalServerPort
    int port;
    @Autowired
    TenantDirectory tenants;
    @Autowired
    AdminUsers admins;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private ApiClient owner;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void twoTenants() {
        owner = new ApiClient(port);
        tenants.create(new TenantId("acme"), "Acme");
        tenants.create(new TenantId("globex"), "Globex");
        admins.createTenantAdmin("lead@acme.example", PASSWORD, new TenantId("acme"));
    }

    @Test
    void everyRouteOfAnotherTenantRefusesEveryCredentialOfThisOneAndLeaksNothing() {
        HttpResponse<String> source = owner.postJson("/api/v1/tenants/globex/sources",
                "{\"type\":\"text\",\"title\":\"" + GLOBEX_SECRET_TITLE + "\",\"text\":\"Call the night desk.\"}");
        assertThat(source.statusCode()).isEqualTo(202);
        Matcher id = SOURCE_ID.matcher(source.body());
        assertThat(id.find()).isTrue();
        String acmeSession = AdminSignIn.signIn(http, port, "lead@acme.example", PASSWORD);
        String acmeToken = token("acme");

        Map<String, Integer> attempts = new TreeMap<>();
        for (String route : routes()) {
            String method = route.substring(0, route.indexOf(' '));
            String path = route.substring(route.indexOf(' ') + 1).replace("{tenant}", "globex")
                    .replaceAll("\\{[^}]+}", id.group(1));
            for (Map.Entry<String, String> credential : Map.of("session", "Cookie: " + acmeSession,
                    "token", "Authorization: Bearer " + acmeToken).entrySet()) {
                HttpResponse<String> response = call(method, path, credential.getValue());
                attempts.merge(credential.getKey(), 1, Integer::sum);
                // 400 / 415: a path value or body Spring refuses before any controller runs, nothing read
                assertThat(response.statusCode()).as("%s %s with acme's %s", method, path, credential.getKey())
                        .isIn(302, 400, 401, 403, 404, 415);
                if (response.statusCode() == 302) {
                    assertThat(response.headers().firstValue("Location").orElseThrow()).as("%s %s", method, path)
                            .doesNotContain("/t/globex");
                }
                assertThat(response.body()).as("%s %s", method, path).doesNotContain(GLOBEX_SECRET_TITLE);
            }
        }
        assertThat(attempts.get("session")).as("routes tried").isGreaterThan(40);

        assertThat(call("GET", "/api/v1/tenants/acme/sources", "Cookie: " + acmeSession).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/v1/tenants/acme/sources", "Authorization: Bearer " + acmeToken).statusCode())
                .isEqualTo(200);
        assertThat(owner.get("/api/v1/tenants/globex/sources").body()).contains(GLOBEX_SECRET_TITLE);
    }

    /** "METHOD /path" of every API route and admin page that names a tenant. */
    private List<String> routes() {
        List<String> routes = new ArrayList<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
                .filter(p -> p.contains("{tenant}") && (p.startsWith("/api/") || p.startsWith("/t/")))
                .forEach(p -> (info.getMethodsCondition().getMethods().isEmpty()
                        ? List.of(org.springframework.web.bind.annotation.RequestMethod.GET)
                        : info.getMethodsCondition().getMethods())
                        .forEach(m -> routes.add(m.name() + " " + p))));
        return routes;
    }

    private HttpResponse<String> call(String method, String path, String credential) {
        String[] header = credential.split(": ", 2);
        HttpRequest.Builder request = owner.anonymous(path).header(header[0], header[1])
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .method(method, method.equals("GET") || method.equals("DELETE") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{}"));
        return AdminSignIn.send(http, request.build());
    }

    private String token(String tenant) {
        HttpResponse<String> issued = owner.postJson("/api/v1/tenants/" + tenant + "/tokens", "{\"name\":\"app-" + tenant + "\"}");
        assertThat(issued.statusCode()).isEqualTo(201);
        Matcher token = TOKEN.matcher(issued.body());
        assertThat(token.find()).isTrue();
        return token.group(1);
    }
}
