package io.resolvehub.security;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import io.resolvehub.core.TenantId;
import org.springframework.dao.DuplicateKeyException;

import java.sql.Timestamp;
import java.util.List;
import java.time.Instant;

/** The admin page's users, with bcrypt password hashes in {@code admin_users}. */
@Component
public class AdminUsers implements UserDetailsService {

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final LoginAttempts attempts;

    AdminUsers(JdbcClient jdbc, PasswordEncoder passwords, LoginAttempts attempts) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.attempts = attempts;
    }

    /** A user of the admin page; {@code tenant} null for the owner. */
    public record AdminUser(String username, String tenant) {
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return jdbc.sql("SELECT username, password_hash, tenant_id FROM admin_users WHERE username = ?")
                .param(username)
                .query((rs, row) -> User.withUsername(rs.getString(1)).password(rs.getString(2))
                        .authorities("ROLE_ADMIN", rs.getString(3) == null ? TenantGrants.OWNER
                                : TenantGrants.TENANT_PREFIX + rs.getString(3))
                        .accountLocked(attempts.locked(username)).build())
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException(username));
    }

    /** The owners and the admins of {@code tenant}, by name. */
    public List<AdminUser> of(TenantId tenant) {
        return jdbc.sql("SELECT username, tenant_id FROM admin_users WHERE tenant_id IS NULL OR tenant_id = ? ORDER BY username")
                .param(tenant.value())
                .query((rs, row) -> new AdminUser(rs.getString(1), rs.getString(2))).list();
    }

    /** Creates an admin of one tenant; false when the user name is taken. */
    public boolean createTenantAdmin(String username, String rawPassword, TenantId tenant) {
        try {
            return jdbc.sql("INSERT INTO admin_users (username, password_hash, created_at, tenant_id) SELECT ?, ?, ?, ? "
                            + "WHERE NOT EXISTS (SELECT 1 FROM admin_users WHERE username = ?)")
                    .params(username, passwords.encode(rawPassword), Timestamp.from(Instant.now()), tenant.value(), username)
                    .update() == 1;
        } catch (DuplicateKeyException raced) {
            return false;
        }
    }

    public boolean exists(String username) {
        return jdbc.sql("SELECT COUNT(*) FROM admin_users WHERE username = ?").param(username)
                .query(Long.class).single() > 0;
    }

    /** Creates the user with the given password (hashed); false when the user already exists. */
    public boolean create(String username, String rawPassword) {
        if (exists(username)) {
            return false;
        }
        jdbc.sql("INSERT INTO admin_users (username, password_hash, created_at) VALUES (?, ?, ?)")
                .params(username, passwords.encode(rawPassword), Timestamp.from(Instant.now()))
                .update();
        return true;
    }
}
