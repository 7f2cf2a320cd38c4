package io.resolvehub;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Settings shared by the hub's full-application tests: a fresh data dir, and the database under test. */
public final class HubTestSupport {

    public static final String API_TOKEN = "test-admin-token";

    private static EmbeddedPostgres postgres;

    private HubTestSupport() {
    }

    /** A fresh data dir and the API token; H2 under that data dir unless {@link #usePostgres} is also called. */
    public static void hubDefaults(DynamicPropertyRegistry registry) {
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("hub-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        registry.add("hub.data-dir", dataDir::toString);
        registry.add("hub.admin.api-token", () -> API_TOKEN);
        // a test's bursts of calls are not abuse; RateLimitsTest turns the limits on with small numbers
        registry.add("hub.rate-limits.enabled", () -> "false");
    }

    /** Points the hub at a real PostgreSQL (one embedded server per test JVM, a new database per call). */
    public static void usePostgres(DynamicPropertyRegistry registry) {
        String url = newPostgresDatabase();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }

    /** The same, as command-line arguments for a hub started as its own process. */
    public static String[] postgresArguments() {
        return new String[]{"--spring.datasource.url=" + newPostgresDatabase(), "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres"};
    }

    /** A new, empty database on the embedded PostgreSQL server (started on first use); its JDBC url. */
    private static synchronized String newPostgresDatabase() {
        try {
            if (postgres == null) {
                postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start();
            }
            String database = "hub_" + System.nanoTime();
            try (var connection = postgres.getPostgresDatabase().getConnection();
                 var statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + database);
            }
            return postgres.getJdbcUrl("postgres", database);
        } catch (IOException | java.sql.SQLException e) {
            throw new IllegalStateException("could not start embedded PostgreSQL", e);
        }
    }
}
