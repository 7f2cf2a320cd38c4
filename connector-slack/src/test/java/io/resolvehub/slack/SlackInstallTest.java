package io.resolvehub.slack;

import io.resolvehub.core.ChannelType;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.channel.ChannelSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The OAuth v2 install: {@code /slack/install} → Slack's consent screen → {@code /slack/oauth_redirect}. */
class SlackInstallTest {

    private static final String COOKIE = "slack-app-oauth-state";
    private static SlackHub hub;

    @BeforeAll
    static void start() {
        hub = SlackHub.shared();
    }

    @BeforeEach
    void reset() {
        hub.reset();
    }

    @Test
    void installSendsTheAdminToSlackWithTheScopesAndAStateForTheTenant() {
        hub.signedInAsAdminOf("acme");
        HttpResponse<String> response = hub.get("/slack/install?tenant=acme");

        assertThat(response.statusCode()).isEqualTo(302);
        URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
        assertThat(location.getHost()).isEqualTo("slack.com");
        assertThat(location.getPath()).isEqualTo("/oauth/v2/authorize");
        Map<String, List<String>> query = FakeSlackApi.form(location.getRawQuery());
        assertThat(query.get("client_id")).containsExactly("1111.2222");
        assertThat(query.get("scope").getFirst().split(",")).containsExactlyInAnyOrderElementsOf(SlackProperties.DEFAULT_SCOPES);
        assertThat(query.get("state").getFirst()).startsWith("acme.");
        assertThat(cookieState(response)).isEqualTo(query.get("state").getFirst());
    }

    @Test
    void theRedirectStoresTheWorkspaceForTheTenantInTheState() {
        String state = startInstall("acme");

        HttpResponse<String> response = hub.get("/slack/oauth_redirect?code=valid-code&state=" + state, "Cookie", COOKIE + "=" + state);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("installed in Hub Test Workspace for tenant acme");
        FakeSlackApi.Call access = hub.slack.calls("oauth.v2.access").getFirst();
        assertThat(access.param("code")).isEqualTo("valid-code");
        assertThat(hub.accounts().tenantForAccount(ChannelType.SLACK, "T0HUBTEST")).contains(new TenantId("acme"));
        ChannelSettings settings = hub.accounts().find(new TenantId("acme"), ChannelType.SLACK).orElseThrow();
        assertThat(settings.get("botToken")).contains("xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy");
        assertThat(settings.get("teamId")).contains("T0HUBTEST");
    }

    @Test
    void withoutATenantTheInstallIsForTheDefaultTenant() {
        String state = startInstall(null);

        hub.get("/slack/oauth_redirect?code=valid-code&state=" + state, "Cookie", COOKIE + "=" + state);

        assertThat(hub.accounts().tenantForAccount(ChannelType.SLACK, "T0HUBTEST")).contains(TenantId.DEFAULT);
    }

    @Test
    void aStateTheHubNeverIssuedIsRefusedAndNothingIsStored() {
        String forged = "acme.3f2b3c1e-0000-4000-8000-000000000000";

        HttpResponse<String> response = hub.get("/slack/oauth_redirect?code=valid-code&state=" + forged, "Cookie", COOKIE + "=" + forged);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("invalid or has expired");
        assertThat(hub.slack.calls("oauth.v2.access")).isEmpty();
        assertThat(hub.accounts().tenantForAccount(ChannelType.SLACK, "T0HUBTEST")).isEmpty();
    }

    @Test
    void aStateFromAnotherBrowserIsRefused() {
        String state = startInstall("acme");

        HttpResponse<String> response = hub.get("/slack/oauth_redirect?code=valid-code&state=" + state);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(hub.accounts().tenantForAccount(ChannelType.SLACK, "T0HUBTEST")).isEmpty();
    }

    @Test
    void aStateWorksOnlyOnce() {
        String state = startInstall("acme");
        hub.get("/slack/oauth_redirect?code=valid-code&state=" + state, "Cookie", COOKIE + "=" + state);
        hub.accounts().remove(new TenantId("acme"), ChannelType.SLACK);

        HttpResponse<String> replay = hub.get("/slack/oauth_redirect?code=valid-code&state=" + state, "Cookie", COOKIE + "=" + state);

        assertThat(replay.statusCode()).isEqualTo(400);
        assertThat(hub.accounts().tenantForAccount(ChannelType.SLACK, "T0HUBTEST")).isEmpty();
    }

    @Test
    void aCodeSlackRefusesEndsTheInstallWithAnExplanation() {
        hub.slack.answer("oauth.v2.access", "{\"ok\":false,\"error\":\"invalid_code\"}");
        String state = startInstall("acme");

        HttpResponse<String> response = hub.get("/slack/oauth_redirect?code=stale&state=" + state, "Cookie", COOKIE + "=" + state);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("invalid_code");
        assertThat(hub.accounts().tenantForAccount(ChannelType.SLACK, "T0HUBTEST")).isEmpty();
    }

    @Test
    void aWorkspaceInstalledForAnotherTenantIsNotTakenOver() {
        hub.installed(); // T0HUBTEST belongs to acme
        String state = startInstall("globex");

        HttpResponse<String> response = hub.get("/slack/oauth_redirect?code=valid-code&state=" + state, "Cookie", COOKIE + "=" + state);

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(hub.accounts().tenantForAccount(ChannelType.SLACK, "T0HUBTEST")).contains(new TenantId("acme"));
    }

    @Test
    void onlyAnAdminOfTheTenantSignedInToTheHubCanStartAnInstallForIt() {
        HttpResponse<String> anonymous = hub.get("/slack/install?tenant=acme");
        hub.signedInAsAdminOf("globex");
        HttpResponse<String> otherTenantsAdmin = hub.get("/slack/install?tenant=acme");

        assertThat(anonymous.statusCode()).isEqualTo(403);
        assertThat(otherTenantsAdmin.statusCode()).isEqualTo(403);
        assertThat(otherTenantsAdmin.body()).contains("Only an admin of tenant 'acme'");
        assertThat(hub.jdbc().sql("select count(*) from slack_install_states").query(Long.class).single()).isZero();
    }

    @Test
    void anInstallThatArrivesWithoutTheHubsStateIsBoundToNoTenant() {
        // started in Slack (the App Directory), not from the hub's admin page
        HttpResponse<String> response = hub.get("/slack/oauth_redirect?code=valid-code");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("not connected to a ResolveHub tenant");
        assertThat(hub.slack.calls("oauth.v2.access")).as("its code is not exchanged").isEmpty();
        assertThat(hub.accounts().tenantForAccount(ChannelType.SLACK, "T0HUBTEST")).isEmpty();
    }

    @Test
    void anInvalidTenantIdIsRefusedBeforeAnyState() {
        HttpResponse<String> response = hub.get("/slack/install?tenant=Not%20A%20Tenant");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(hub.jdbc().sql("select count(*) from slack_install_states").query(Long.class).single()).isZero();
    }

    @Test
    void aTenantTheHubDoesNotServeIsRefusedBeforeAnyState() {
        HttpResponse<String> response = hub.get("/slack/install?tenant=initech");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("no tenant 'initech'");
        assertThat(hub.jdbc().sql("select count(*) from slack_install_states").query(Long.class).single()).isZero();
    }

    private static String startInstall(String tenant) {
        hub.signedInAsAdminOf(tenant == null ? "default" : tenant);
        HttpResponse<String> response = hub.get("/slack/install" + (tenant == null ? "" : "?tenant=" + tenant));
        assertThat(response.statusCode()).isEqualTo(302);
        return cookieState(response);
    }

    private static String cookieState(HttpResponse<String> response) {
        String cookie = response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(COOKIE + "=")).findFirst().orElseThrow();
        return cookie.substring(COOKIE.length() + 1, cookie.indexOf(';'));
    }
}
