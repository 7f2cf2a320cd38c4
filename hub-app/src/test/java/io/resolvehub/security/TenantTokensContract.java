package io.resolvehub.security;

import io.resolvehub.api.ApiClient;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.tenant.TenantDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token an app like the Zendesk sidebar is given: issued by an admin of one tenant, it reads that tenant and
 * nothing else (not another tenant, not a write, not the admin page), over real HTTP against the whole hub.
 */
abstract class TenantTokensContract {

    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    TenantDirectory tenants;
    @Autowired
    JdbcClient jdbc;

    private ApiClient owner;

    @BeforeEach
    void setUp() {
        owner = new ApiClient(port);
        tenants.create(new TenantId("acme"), "Acme");
        jdbc.sql("delete from tenant_api_tokens").update();
    }

    @Test
    void aTenantTokenReadsItsOwnTenantAndNothingElse() {
        String token = issue("acme", "zendesk-sidebar");

        assertThat(as(token, "GET", "/api/v1/tenants/acme/conversations", null).statusCode()).isEqualTo(200);
        assertThat(as(token, "GET", "/api/v1/tenants/default/conversations", null).statusCode())
                .as("another tenant").isEqualTo(403);
        assertThat(as(token, "PUT", "/api/v1/tenants/acme/channels/zendesk",
                "{\"url\":\"https://acme.zendesk.com\",\"email\":\"a@acme.example\",\"apiToken\":\"x\",\"webhookSecret\":\"y\"}")
                .statusCode()).as("a write, even to its own tenant").isEqualTo(403);
        assertThat(as(token, "POST", "/api/v1/tenants/acme/tokens", "{\"name\":\"more\"}").statusCode())
                .as("a token cannot mint tokens").isEqualTo(403);
        assertThat(as(token, "GET", "/t/acme/channels", null).statusCode()).as("the admin page").isIn(302, 401, 403);
        assertThat(jdbc.sql("select token_hash from tenant_api_tokens").query(String.class).single())
                .as("only a hash is stored").isNotEqualTo(token).hasSize(64);
    }

    @Test
    void aRevokedTokenNoLongerAuthenticates() {
        String token = issue("acme", "zendesk-sidebar");

        assertThat(owner.send(owner.request("/api/v1/tenants/acme/tokens/zendesk-sidebar").DELETE().build())
                .statusCode()).isEqualTo(204);

        assertThat(as(token, "GET", "/api/v1/tenants/acme/conversations", null).statusCode()).isEqualTo(401);
    }

    @Test
    void aTokenNameIsUsedOncePerTenantAndABadNameIsExplained() {
        issue("acme", "zendesk-sidebar");

        HttpResponse<String> again = owner.postJson("/api/v1/tenants/acme/tokens", "{\"name\":\"zendesk-sidebar\"}");
        HttpResponse<String> bad = owner.postJson("/api/v1/tenants/acme/tokens", "{\"name\":\"no spaces please\"}");

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("zendesk-sidebar");
        assertThat(owner.get("/api/v1/tenants/acme/tokens").body()).contains("\"zendesk-sidebar\"");
    }

    private String issue(String tenant, String name) {
        HttpResponse<String> issued = owner.postJson("/api/v1/tenants/" + tenant + "/tokens", "{\"name\":\"" + name + "\"}");
        assertThat(issued.statusCode()).isEqualTo(201);
        Matcher token = TOKEN.matcher(issued.body());
        assertThat(token.find()).isTrue();
        return token.group(1);
    }

    private HttpResponse<String> as(String token, String method, String path, String json) {
        HttpRequest.Builder request = owner.anonymous(path).header("Authorization", "Bearer " + token)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return owner.send(request.build());
    }
}
