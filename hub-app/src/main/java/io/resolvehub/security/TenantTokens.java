package io.resolvehub.security;

import io.resolvehub.core.TenantId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Read-only API tokens bound to one tenant ({@code tenant_api_tokens}), for a platform app that reads the hub on a
 * tenant's behalf, like the Zendesk sidebar: an admin of the tenant issues one, and it can read that tenant and
 * nothing else. Only the token's SHA-256 is stored; the token itself is shown once, when it is issued.
 */
@Component
public class TenantTokens {

    /** A token's tenant and name, as the bearer filter authenticates it. */
    public record Holder(TenantId tenant, String name) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;

    TenantTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Issues a token named {@code name} for the tenant; empty when the tenant already has a token of that name. */
    public Optional<String> issue(TenantId tenant, String name, String createdBy) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = "rht_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        int inserted = jdbc.sql("INSERT INTO tenant_api_tokens (token_hash, tenant_id, name, created_by, created_at) "
                        + "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
                .params(hash(token), tenant.value(), name, createdBy, Timestamp.from(clock.instant()))
                .update();
        return inserted == 1 ? Optional.of(token) : Optional.empty();
    }

    /** The tenant and name of a presented token; empty for a token the hub did not issue (or has revoked). */
    Optional<Holder> holderOf(String token) {
        return jdbc.sql("SELECT tenant_id, name FROM tenant_api_tokens WHERE token_hash = ?")
                .param(hash(token))
                .query((rs, row) -> new Holder(new TenantId(rs.getString(1)), rs.getString(2)))
                .optional();
    }

    public List<String> names(TenantId tenant) {
        return jdbc.sql("SELECT name FROM tenant_api_tokens WHERE tenant_id = ? ORDER BY name")
                .param(tenant.value()).query(String.class).list();
    }

    /** Revokes the tenant's token of that name; false when it has none. */
    public boolean revoke(TenantId tenant, String name) {
        return jdbc.sql("DELETE FROM tenant_api_tokens WHERE tenant_id = ? AND name = ?")
                .params(tenant.value(), name).update() == 1;
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
