package io.resolvehub.security;

import io.resolvehub.core.ChannelType;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.channel.ChannelAccounts;
import io.resolvehub.core.tenant.TenantDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The other ways a platform account is linked to a tenant hold the install rule too, over real HTTP: a Microsoft 365
 * tenant (Teams) and a Zendesk account are linked only through the channel settings, which only an admin of the
 * tenant may write; a Zendesk webhook for a tenant that linked no Zendesk is refused and stores nothing.
 */
abstract class PlatformLinkingContract {

    private static final String PASSWORD = "correct horse battery staple";
    private static final String ACME_ADMIN = "ops@acme.example";
    private static final TenantId ACME = new TenantId("acme");
    private static final String M365_TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    private static final String ZENDESK = "{\"url\":\"https://acme.zendesk.com\",\"email\":\"agent@acme.example\","
            + "\"apiToken\":\"zendesk-api-token\",\"webhookSecret\":\"zendesk-webhook-secret\"}";

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    AdminUsers admins;
    @Autowired
    TenantDirectory tenants;
    @Autowired
    ChannelAccounts accounts;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void setUp() {
        tenants.create(ACME, "Acme");
        admins.createTenantAdmin(ACME_ADMIN, PASSWORD, ACME);
        for (TenantId tenant : new TenantId[]{TenantId.DEFAULT, ACME}) {
            accounts.remove(tenant, ChannelType.TEAMS);
            accounts.remove(tenant, ChannelType.ZENDESK);
        }
    }

    @Test
    void onlyAnAdminOfTheTenantLinksATeamsTenantOrAZendeskAccountToIt() {
        String acmeAdmin = AdminSignIn.signIn(http, port, ACME_ADMIN, PASSWORD);
        String teams = "{\"teamsTenantId\":\"" + M365_TENANT + "\"}";

        assertThat(put("/api/v1/tenants/default/channels/teams", teams, null).statusCode()).as("anonymous").isEqualTo(401);
        assertThat(put("/api/v1/tenants/default/channels/zendesk", ZENDESK, null).statusCode()).as("anonymous").isEqualTo(401);
        assertThat(put("/api/v1/tenants/default/channels/teams", teams, acmeAdmin).statusCode())
                .as("another tenant's admin").isEqualTo(403);
        assertThat(put("/api/v1/tenants/default/channels/zendesk", ZENDESK, acmeAdmin).statusCode())
                .as("another tenant's admin").isEqualTo(403);
        assertThat(accounts.tenantForAccount(ChannelType.TEAMS, M365_TENANT)).isEmpty();
        assertThat(accounts.find(TenantId.DEFAULT, ChannelType.ZENDESK)).isEmpty();

        // not verified against Microsoft: the test has no Bot Framework to ask (verification is ChannelsApiTest's)
        HttpResponse<String> own = put("/api/v1/tenants/acme/channels/teams?verify=false", teams, acmeAdmin);
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        assertThat(accounts.tenantForAccount(ChannelType.TEAMS, M365_TENANT)).contains(ACME);
    }

    @Test
    void aZendeskWebhookForATenantThatLinkedNoZendeskIsRefusedAndStoresNothing() {
        HttpResponse<String> response = AdminSignIn.send(http, HttpRequest.newBuilder(url("/zendesk/webhook/default"))
                .header("Content-Type", "application/json")
                .header("X-Zendesk-Webhook-Signature", "c2lnbmF0dXJl")
                .header("X-Zendesk-Webhook-Signature-Timestamp", java.time.Instant.now().toString())
                .POST(HttpRequest.BodyPublishers.ofString("{\"ticket_id\":\"42\",\"ticket_status\":\"new\"}")).build());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(jdbc.sql("select count(*) from inbound_events").query(Long.class).single()).isZero();
        assertThat(accounts.find(TenantId.DEFAULT, ChannelType.ZENDESK)).isEmpty();
    }

    private HttpResponse<String> put(String path, String json, String sessionCookie) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json));
        if (sessionCookie != null) {
            request.header("Cookie", sessionCookie);
        }
        return AdminSignIn.send(http, request.build());
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
