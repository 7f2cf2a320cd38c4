package io.resolvehub.security;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;

/** The admin page's users, with bcrypt password hashes in {@code admin_users}. */
@Component
public class AdminUsers implements UserDetailsService {

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;

    AdminUsers(JdbcClient jdbc, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return jdbc.sql("SELECT username, password_hash FROM admin_users WHERE username = ?")
                .param(username)
                .query((rs, row) -> User.withUsername(rs.getString(1)).password(rs.getString(2)).roles("ADMIN").build())
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException(username));
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
