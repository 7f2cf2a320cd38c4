package io.resolvehub.setup;

import io.resolvehub.HubTestSupport;
import io.resolvehub.core.ChannelType;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.channel.ChannelAccounts;
import io.resolvehub.core.channel.ChannelSettings;
import io.resolvehub.core.keys.StoredChannelAccounts;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code rotate-master-key} as an operator runs it: the hub's own settings (application.yml, the data dir, command-line
 * overrides), on the default H2 file database and on PostgreSQL.
 */
class RotateMasterKeyCommandTest {

    private static final TenantId ACME = new TenantId("acme");
    private static final String KEY_A = key(1);
    private static final String KEY_B = key(2);
    private static final String BOT_TOKEN = "xoxb-rotation-test-secret";

    enum Database { H2, POSTGRES }

    @TempDir
    Path dataDir;

    @ParameterizedTest
    @EnumSource(Database.class)
    void rotatesTheStoredSecretsSoTheHubReadsThemWithTheNewKeyOnly(Database db) throws IOException {
        List<String> settings = settings(db);
        DataSource ds = migratedDatabase(settings);
        accounts(ds, KEY_A).save(ACME, ChannelType.SLACK, "T-ACME", new ChannelSettings(Map.of("botToken", BOT_TOKEN)));

        Run run = run(settings, "--hub.master-key=" + KEY_A, "--hub.new-master-key=" + KEY_B);

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("Re-encrypted 1 stored channel settings", "hub.master-key set to the new key");
        assertThat(accounts(ds, KEY_B).find(ACME, ChannelType.SLACK).orElseThrow().values())
                .containsEntry("botToken", BOT_TOKEN);
        assertThatThrownBy(() -> accounts(ds, KEY_A).find(ACME, ChannelType.SLACK)).hasMessageContaining("hub.master-key");
        assertNoKeyOrSecretIn(run);
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void aWrongCurrentKeyFailsAndChangesNothing(Database db) throws IOException {
        List<String> settings = settings(db);
        DataSource ds = migratedDatabase(settings);
        accounts(ds, KEY_A).save(ACME, ChannelType.SLACK, "T-ACME", new ChannelSettings(Map.of("botToken", BOT_TOKEN)));
        String before = rawSettings(ds);

        Run run = run(settings, "--hub.master-key=" + KEY_B, "--hub.new-master-key=" + key(3));

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("rotate-master-key failed", "open with neither the current master key",
                "Nothing was changed");
        assertThat(rawSettings(ds)).isEqualTo(before);
        assertThat(accounts(ds, KEY_A).find(ACME, ChannelType.SLACK).orElseThrow().values())
                .containsEntry("botToken", BOT_TOKEN);
        assertNoKeyOrSecretIn(run);
    }

    private List<String> settings(Database db) {
        List<String> settings = new ArrayList<>(List.of("--hub.data-dir=" + dataDir,
                "--logging.file.name=" + dataDir.resolve("logs/hub.log")));
        if (db == Database.POSTGRES) {
            settings.addAll(Arrays.asList(HubTestSupport.postgresArguments()));
        }
        return settings;
    }

    /** The schema the hub would have made, on the database the settings name (application.yml's H2 file by default). */
    private DataSource migratedDatabase(List<String> settings) {
        String url = valueOf(settings, "--spring.datasource.url=").orElse("jdbc:h2:file:" + dataDir + "/db/hub;"
                + "MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        DriverManagerDataSource ds = new DriverManagerDataSource(url,
                valueOf(settings, "--spring.datasource.username=").orElse("sa"),
                valueOf(settings, "--spring.datasource.password=").orElse(""));
        Flyway.configure().dataSource(ds).locations("classpath:db/migration/core").load().migrate();
        return ds;
    }

    private static java.util.Optional<String> valueOf(List<String> settings, String prefix) {
        return settings.stream().filter(s -> s.startsWith(prefix)).map(s -> s.substring(prefix.length())).findFirst();
    }

    private record Run(int status, String out, String err) {
    }

    private static Run run(List<String> settings, String... keys) {
        List<String> args = new ArrayList<>(List.of(RotateMasterKeyCommand.NAME));
        args.addAll(settings);
        args.addAll(List.of(keys));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = RotateMasterKeyCommand.run(args.toArray(String[]::new),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private void assertNoKeyOrSecretIn(Run run) throws IOException {
        List<String> texts = new ArrayList<>(List.of(run.out(), run.err()));
        Path logs = dataDir.resolve("logs");
        if (Files.isDirectory(logs)) {
            try (Stream<Path> files = Files.walk(logs)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    texts.add(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
                }
            }
        }
        assertThat(texts).allSatisfy(text -> assertThat(text).doesNotContain(KEY_A, KEY_B, key(3), BOT_TOKEN));
    }

    private static String rawSettings(DataSource ds) {
        return JdbcClient.create(ds).sql("select settings from channel_accounts").query(String.class).single();
    }

    private static ChannelAccounts accounts(DataSource ds, String base64Key) {
        return StoredChannelAccounts.openWith(ds, base64Key);
    }

    private static String key(int fill) {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, (byte) fill);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
