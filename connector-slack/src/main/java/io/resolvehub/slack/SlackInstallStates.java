package io.resolvehub.slack;

import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.service.OAuthStateService;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.tenant.AdminSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * OAuth {@code state} values in the database ({@code slack_install_states}), so the install can start on one hub
 * instance and finish on another. A state is issued only to an admin of the tenant signed in to the hub (see
 * {@link SlackInstallations#installGate}), and it carries that tenant: {@code <tenant>.<random>}. It is trusted only
 * after it has been found unexpired in the table and in the installer's cookie (which Bolt checks): the cookie binds
 * the install to the admin's browser, since the hub's own session cookie (SameSite=Strict) is not sent on Slack's
 * redirect back.
 */
final class SlackInstallStates implements OAuthStateService {

    static final String TENANT_PARAMETER = "tenant";

    private static final Logger log = LoggerFactory.getLogger(SlackInstallStates.class);

    private final JdbcClient jdbc;
    private final AdminSession admins;
    private final Duration ttl;
    private final Clock clock;

    SlackInstallStates(JdbcClient jdbc, AdminSession admins, Duration ttl, Clock clock) {
        this.jdbc = jdbc;
        this.admins = admins;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** The tenant named by {@code ?tenant=} on the install link; {@code default} when absent. */
    static String requestedTenant(Request<?> request) {
        List<String> values = request.getQueryString() == null ? null : request.getQueryString().get(TENANT_PARAMETER);
        return values == null || values.isEmpty() || values.getFirst().isBlank() ? TenantId.DEFAULT.value() : values.getFirst().trim();
    }

    /** The tenant a (validated) state was issued for. */
    static TenantId tenantOf(String state) {
        int dot = state == null ? -1 : state.indexOf('.');
        if (dot <= 0) {
            throw new IllegalArgumentException("not an install state: " + state);
        }
        return new TenantId(state.substring(0, dot));
    }

    @Override
    public String issueNewState(Request request, Response response) {
        TenantId tenant = new TenantId(requestedTenant(request));
        // the install gate let only an admin of the tenant through; asked again so a state never outlives that rule
        String admin = admins.adminOf(tenant).orElseThrow(() -> new IllegalStateException(
                "a Slack install state for tenant " + tenant + " was asked for without a signed-in admin of it"));
        log.info("Slack install for tenant {} started by admin {}", tenant, admin);
        String state = tenant.value() + "." + UUID.randomUUID();
        String cookie = getSessionCookieName() + "=" + state + "; Secure; HttpOnly; SameSite=Lax; Path=/; Max-Age=" + getExpirationInSeconds();
        response.getHeaders().put("Set-Cookie", Arrays.asList(cookie));
        addNewStateToDatastore(state);
        return state;
    }

    @Override
    public void addNewStateToDatastore(String state) {
        jdbc.sql("insert into slack_install_states (state, tenant_id, expires_at) values (?, ?, ?)")
                .params(state, tenantOf(state).value(), now().plus(ttl)).update();
    }

    @Override
    public boolean isAvailableInDatabase(String state) {
        return jdbc.sql("select count(*) from slack_install_states where state = ? and expires_at > ?")
                .params(state, now()).query(Long.class).single() > 0;
    }

    @Override
    public void deleteStateFromDatastore(String state) {
        jdbc.sql("delete from slack_install_states where state = ? or expires_at <= ?").params(state, now()).update();
    }

    @Override
    public long getExpirationInSeconds() {
        return ttl.toSeconds();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
