package io.resolvehub.core.keys;

import io.resolvehub.core.ChannelType;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.channel.ChannelSettings;
import io.resolvehub.core.internal.channel.JdbcChannelAccounts;
import io.resolvehub.core.internal.crypto.SecretBox;
import io.resolvehub.core.testing.FakeChannel;
import io.resolvehub.core.testing.TestDatabase;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MasterKeyRotationTest {

    private static final TenantId ACME = new TenantId("acme");
    private static final TenantId GLOBEX = new TenantId("globex");
    private static final String KEY_A = key(1);
    private static final String KEY_B = key(2);
    private static final String KEY_C = key(3);

    @TempDir
    Path dataDir;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void movesEveryStoredSecretToTheNewKey(TestDatabase db) {
        DataSource ds = db.freshDataSource("classpath:db/migration/core");
        storeTwoTenantsSecrets(ds, KEY_A);

        MasterKeyRotation.Outcome outcome = MasterKeyRotation.rotate(ds, KEY_A, dataDir, KEY_B);

        assertThat(outcome).isEqualTo(new MasterKeyRotation.Outcome(3, 0, false));
        assertThat(accounts(ds, KEY_B).find(ACME, ChannelType.SLACK).orElseThrow().values())
                .containsEntry("botToken", "xoxb-acme-secret");
        assertThat(accounts(ds, KEY_B).find(GLOBEX, ChannelType.ZENDESK).orElseThrow().values())
                .containsEntry("apiToken", "zd-globex-secret");
        assertThatThrownBy(() -> accounts(ds, KEY_A).find(ACME, ChannelType.SLACK))
                .hasMessageContaining("hub.master-key");
        assertThat(dataDir.resolve("master-key")).doesNotExist();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aSecondRunWithTheSameKeysChangesNothing(TestDatabase db) {
        DataSource ds = db.freshDataSource("classpath:db/migration/core");
        storeTwoTenantsSecrets(ds, KEY_A);
        MasterKeyRotation.rotate(ds, KEY_A, dataDir, KEY_B);
        List<String> afterFirst = rawSettings(ds);

        assertThat(MasterKeyRotation.rotate(ds, KEY_A, dataDir, KEY_B))
                .isEqualTo(new MasterKeyRotation.Outcome(0, 3, false));
        assertThat(rawSettings(ds)).isEqualTo(afterFirst);
        assertThat(accounts(ds, KEY_B).find(GLOBEX, ChannelType.ZENDESK).orElseThrow().values())
                .containsEntry("apiToken", "zd-globex-secret");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aWrongCurrentKeyIsRefusedAndNothingChanges(TestDatabase db) {
        DataSource ds = db.freshDataSource("classpath:db/migration/core");
        storeTwoTenantsSecrets(ds, KEY_A);
        List<String> before = rawSettings(ds);

        assertThatThrownBy(() -> MasterKeyRotation.rotate(ds, KEY_C, dataDir, KEY_B))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("3 of 3 stored channel settings open with neither")
                .hasMessageContaining("tenant acme / slack")
                .hasMessageContaining("Nothing was changed")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY_A, KEY_B, KEY_C, "xoxb-", "zd-"));
        assertThat(rawSettings(ds)).isEqualTo(before);
        assertThat(accounts(ds, KEY_A).find(ACME, ChannelType.SLACK).orElseThrow().values())
                .containsEntry("botToken", "xoxb-acme-secret");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void oneRowNeitherKeyOpensRollsBackTheRowsAlreadyRewritten(TestDatabase db) {
        DataSource ds = db.freshDataSource("classpath:db/migration/core");
        storeTwoTenantsSecrets(ds, KEY_A);
        // globex's rows sort after acme's: acme's are rewritten first, then globex/zendesk fails
        JdbcClient.create(ds).sql("delete from channel_accounts where tenant_id = 'globex' and channel = 'zendesk'").update();
        accounts(ds, KEY_C).save(GLOBEX, ChannelType.ZENDESK, "globex.zendesk.com",
                new ChannelSettings(Map.of("apiToken", "zd-globex-secret")));
        List<String> before = rawSettings(ds);

        assertThatThrownBy(() -> MasterKeyRotation.rotate(ds, KEY_A, dataDir, KEY_B))
                .hasMessageContaining("1 of 3").hasMessageContaining("tenant globex / zendesk");
        assertThat(rawSettings(ds)).isEqualTo(before);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aKeyKeptInTheDataDirIsReplacedAfterTheCommit(TestDatabase db) throws Exception {
        DataSource ds = db.freshDataSource("classpath:db/migration/core");
        Files.writeString(dataDir.resolve("master-key"), KEY_A + "\n");
        storeTwoTenantsSecrets(ds, KEY_A);

        assertThat(MasterKeyRotation.rotate(ds, null, dataDir, KEY_B).keyFileReplaced()).isTrue();

        assertThat(Files.readString(dataDir.resolve("master-key"), StandardCharsets.US_ASCII).trim()).isEqualTo(KEY_B);
        assertThat(dataDir.resolve("master-key.next")).doesNotExist();
        if (Files.getFileAttributeView(dataDir, java.nio.file.attribute.PosixFileAttributeView.class) != null) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(dataDir.resolve("master-key")))).isEqualTo("rw-------");
        }
        // a rerun after the file was replaced reads B as the current key: still nothing unreadable
        assertThat(MasterKeyRotation.rotate(ds, "", dataDir, KEY_B).reEncrypted()).isEqualTo(3);
        assertThat(accounts(ds, KEY_B).find(ACME, ChannelType.TEAMS).orElseThrow().values())
                .containsEntry("appPassword", "teams-acme-secret");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void badKeysAreRefusedWithAnActionableMessage(TestDatabase db) {
        DataSource ds = db.freshDataSource("classpath:db/migration/core");
        storeTwoTenantsSecrets(ds, KEY_A);
        List<String> before = rawSettings(ds);

        assertThatThrownBy(() -> MasterKeyRotation.rotate(ds, KEY_A, dataDir, " "))
                .hasMessageContaining("hub.new-master-key").hasMessageContaining("openssl rand -base64 32");
        assertThatThrownBy(() -> MasterKeyRotation.rotate(ds, KEY_A, dataDir, "not base64!"))
                .hasMessageContaining("hub.new-master-key is not valid base64");
        assertThatThrownBy(() -> MasterKeyRotation.rotate(ds, KEY_A, dataDir, Base64.getEncoder().encodeToString(new byte[7])))
                .hasMessageContaining("16, 24 or 32 bytes");
        assertThatThrownBy(() -> MasterKeyRotation.rotate(ds, null, dataDir, KEY_B))
                .hasMessageContaining("no current master key");
        assertThat(rawSettings(ds)).isEqualTo(before);
        assertThat(dataDir.resolve("master-key")).doesNotExist();
    }

    private static void storeTwoTenantsSecrets(DataSource ds, String key) {
        JdbcChannelAccounts accounts = accounts(ds, key);
        accounts.save(ACME, ChannelType.SLACK, "T-ACME", new ChannelSettings(Map.of("botToken", "xoxb-acme-secret")));
        accounts.save(ACME, ChannelType.TEAMS, "acme-app", new ChannelSettings(Map.of("appPassword", "teams-acme-secret")));
        accounts.save(GLOBEX, ChannelType.ZENDESK, "globex.zendesk.com",
                new ChannelSettings(Map.of("apiToken", "zd-globex-secret")));
    }

    private static List<String> rawSettings(DataSource ds) {
        return JdbcClient.create(ds).sql("select settings from channel_accounts order by tenant_id, channel")
                .query(String.class).list();
    }

    private static JdbcChannelAccounts accounts(DataSource ds, String base64Key) {
        return new JdbcChannelAccounts(JdbcClient.create(ds), new TransactionTemplate(new DataSourceTransactionManager(ds)),
                new SecretBox(new SecretKeySpec(Base64.getDecoder().decode(base64Key), "AES")),
                () -> List.of(new FakeChannel(ChannelType.SLACK), new FakeChannel(ChannelType.TEAMS),
                        new FakeChannel(ChannelType.ZENDESK)), Clock.systemUTC());
    }

    private static String key(int fill) {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, (byte) fill);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
