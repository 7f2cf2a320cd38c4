package io.resolvehub.core.tenant;

import io.resolvehub.core.TenantId;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Tenants in the {@code tenants} table. */
public class JdbcTenantDirectory implements TenantDirectory {

    private final JdbcClient jdbc;
    private final Clock clock;

    public JdbcTenantDirectory(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Optional<Tenant> find(TenantId id) {
        return jdbc.sql("SELECT id, name, created_at FROM tenants WHERE id = ?")
                .param(id.value())
                .query(JdbcTenantDirectory::map)
                .optional();
    }

    @Override
    public boolean create(TenantId id, String name) {
        // an existing id is skipped by the statement, not caught: safe inside a transaction on PostgreSQL
        return jdbc.sql("INSERT INTO tenants (id, name, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(id.value(), name, Timestamp.from(clock.instant()))
                .update() == 1;
    }

    @Override
    public List<Tenant> all() {
        return jdbc.sql("SELECT id, name, created_at FROM tenants ORDER BY id").query(JdbcTenantDirectory::map).list();
    }

    private static Tenant map(ResultSet rs, int row) throws SQLException {
        return new Tenant(new TenantId(rs.getString("id")), rs.getString("name"),
                rs.getTimestamp("created_at").toInstant());
    }
}
