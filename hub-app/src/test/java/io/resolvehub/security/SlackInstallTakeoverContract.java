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
import org.springframework.test.context.DynamicPropertyRegistry;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may attach a Slack workspace to a tenant, tried over real HTTP against the whole hub with a fake Slack OAuth
 * server: only an admin signed in to the hub can start an install, for a tenant they manage, and the install binds to
 * that tenant only when it comes back to the same browser with the state the hub issued. An install that arrives
 * without the hub's state (from the Slack App Directory) is bound to no tenant.
 */
abstract class SlackInstallTakeoverContract {

    /** Shared by the H2 and PostgreSQL classes of one test JVM; it stops with the JVM. */
    static final FakeSlackOAuth SLACK = new FakeSlackOAuth();
    private static final String STATE_COOKIE = "slack-app-oauth-state";
    private static final String ADMIN = "owner@hub.example";
    private static final String ACME_ADMIN = "lead@acme.example";
    private static final TenantId ACME = new TenantId("acme");
    private static final String PASSWORD = "correct horse battery staple";

    private final HttpClient http = HttpClient.newHttpClient(); // follows no redirects: each hop is asserted

    @LocalServerPort
    int port;
    @Autowired
    AdminUsers admins;
    @Autowired
    ChannelAccounts accounts;
    @Autowired
    TenantDirectory tenants;
    @Autowired
    JdbcClient jdbc;

    static void slackApp(DynamicPropertyRegistry registry) {
        registry.add("hub.slack.signing-secret", () -> "takeover-test-signing-secret");
        registry.add("hub.slack.client-id", () -> "1111.2222");
        registry.add("hub.slack.client-secret", () -> "takeover-test-client-secret");
        registry.add("hub.slack.api-url", SLACK::url);
        registry.add("hub.demo.enabled", () -> "false");
    }

    @BeforeEach
    void reset() {
        SLACK.reset();
        accounts.remove(TenantId.DEFAULT, ChannelType.SLACK);
        jdbc.sql("delete from slack_install_states").update();
        admins.create(ADMIN, PASSWORD);
        tenants.create(ACME, "Acme");
        admins.createTenantAdmin(ACME_ADMIN, PASSWORD, ACME);
    }

    @Test
    void anAnonymousVisitorCannotStartAnInstallForATenant() {
        HttpResponse<String> response = get("/slack/install?tenant=default", null);

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        assertThat(response.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith(STATE_COOKIE + "="));
        assertThat(statesIssued()).isZero();
    }

    @Test
    void theInstallTakeoverOfTheSecurityProbeFails() {
        // the probe: an anonymous visitor names tenant "default" and completes the OAuth flow with their workspace
        HttpResponse<String> start = get("/slack/install?tenant=default", null);
        String location = start.headers().firstValue("Location").orElse("");
        if (location.contains("slack.com")) {
            String state = query(URI.create(location), "state");
            get("/slack/oauth_redirect?code=visitor-code&state=" + state, STATE_COOKIE + "=" + stateCookie(start));
        }
        // and the other ways to the redirect: a made-up state, and no state at all
        HttpResponse<String> forged = get("/slack/oauth_redirect?code=visitor-code&state=default.3f2b3c1e-0000-4000-8000-000000000000",
                STATE_COOKIE + "=default.3f2b3c1e-0000-4000-8000-000000000000");
        HttpResponse<String> stateless = get("/slack/oauth_redirect?code=visitor-code", null);

        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(stateless.body()).doesNotContain("installed in");
        assertThat(SLACK.exchanges()).as("no code was exchanged for a token").isEmpty();
        assertThat(accounts.find(TenantId.DEFAULT, ChannelType.SLACK)).isEmpty();
        assertThat(accounts.tenantForAccount(ChannelType.SLACK, FakeSlackOAuth.TEAM_ID)).isEmpty();
    }

    @Test
    void aSignedInAdminInstallsTheWorkspaceForTheirTenant() {
        String session = signIn();

        HttpResponse<String> start = get("/slack/install?tenant=default", session);
        assertThat(start.statusCode()).isEqualTo(302);
        URI slack = URI.create(start.headers().firstValue("Location").orElseThrow());
        assertThat(slack.getHost()).isEqualTo("slack.com");
        String state = query(slack, "state");
        assertThat(stateCookie(start)).isEqualTo(state);

        // Slack sends the browser back: a cross-site navigation, so the SameSite=Strict session cookie stays behind
        // and only the install's own cookie comes along
        HttpResponse<String> done = get("/slack/oauth_redirect?code=admin-code&state=" + state, STATE_COOKIE + "=" + state);

        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("installed in Visitor Workspace for tenant default");
        assertThat(accounts.tenantForAccount(ChannelType.SLACK, FakeSlackOAuth.TEAM_ID)).contains(TenantId.DEFAULT);
        assertThat(SLACK.exchanges()).singleElement().satisfies(body -> assertThat(body).contains("code=admin-code"));
    }

    @Test
    void anAdminOfAnotherTenantCannotStartAnInstallForThisOne() {
        String acmeLead = signIn(ACME_ADMIN);

        HttpResponse<String> forDefault = get("/slack/install?tenant=default", acmeLead);
        HttpResponse<String> forAcme = get("/slack/install?tenant=acme", acmeLead);

        assertThat(forDefault.statusCode()).isEqualTo(403);
        assertThat(forDefault.body()).contains("Only an admin of tenant 'default'");
        assertThat(forAcme.statusCode()).isEqualTo(302);
        assertThat(URI.create(forAcme.headers().firstValue("Location").orElseThrow()).getHost()).isEqualTo("slack.com");
        assertThat(statesIssued()).as("only the state for the admin's own tenant").isEqualTo(1);
    }

    @Test
    void anAdminsStateCannotBeCompletedFromAnotherBrowser() {
        String state = query(URI.create(get("/slack/install?tenant=default", signIn()).headers().firstValue("Location")
                .orElseThrow()), "state");

        // a victim lured to the redirect with the admin's state, without the admin's install cookie
        HttpResponse<String> response = get("/slack/oauth_redirect?code=visitor-code&state=" + state, null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(SLACK.exchanges()).isEmpty();
        assertThat(accounts.tenantForAccount(ChannelType.SLACK, FakeSlackOAuth.TEAM_ID)).isEmpty();
    }

    @Test
    void anInstallFromTheSlackAppDirectoryIsBoundToNoTenantUntilAnAdminAddsIt() {
        HttpResponse<String> response = get("/slack/oauth_redirect?code=directory-code", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("not connected to a ResolveHub tenant").contains("Add to Slack");
        assertThat(SLACK.exchanges()).as("the code is left for an admin's install").isEmpty();
        assertThat(accounts.tenantForAccount(ChannelType.SLACK, FakeSlackOAuth.TEAM_ID)).isEmpty();
        assertThat(tenants.all()).as("no tenant was created for it").extracting(t -> t.id().value())
                .containsExactlyInAnyOrder("default", "acme");
    }

    @Test
    void aSignedInAdminCannotStartAnInstallForATenantThatDoesNotExist() {
        HttpResponse<String> response = get("/slack/install?tenant=initech", signIn());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(statesIssued()).isZero();
    }

    private long statesIssued() {
        return jdbc.sql("select count(*) from slack_install_states").query(Long.class).single();
    }

    private String signIn() {
        return signIn(ADMIN);
    }

    private String signIn(String username) {
        return AdminSignIn.signIn(http, port, username, PASSWORD);
    }

    private HttpResponse<String> get(String path, String cookie) {
        // what a browser asks for when it follows a link
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path)).header("Accept", "text/html,*/*;q=0.8").GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return send(request.build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        return AdminSignIn.send(http, request);
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String stateCookie(HttpResponse<String> response) {
        String cookie = response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(STATE_COOKIE + "=")).findFirst().orElseThrow();
        return cookie.substring(STATE_COOKIE.length() + 1, cookie.indexOf(';'));
    }

    private static String query(URI uri, String name) {
        for (String pair : uri.getRawQuery().split("&")) {
            if (pair.startsWith(name + "=")) {
                return java.net.URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no " + name + " in " + uri);
    }
}
