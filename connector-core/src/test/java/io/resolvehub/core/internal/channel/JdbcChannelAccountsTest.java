package io.resolvehub.core.internal.channel;

import io.resolvehub.core.ChannelType;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.channel.ChannelSettings;
import io.resolvehub.core.internal.crypto.SecretBox;
import io.resolvehub.core.testing.FakeChannel;
import io.resolvehub.core.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdbcChannelAccountsTest {

    private static final TenantId ACME = new TenantId("acme");
    private static final TenantId GLOBEX = new TenantId("globex");
    private static final ChannelType CHAT = ChannelType.SLACK;

    private static JdbcChannelAccounts accounts(DataSource ds, byte keyByte) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, keyByte);
        return new JdbcChannelAccounts(JdbcClient.create(ds), new TransactionTemplate(new DataSourceTransactionManager(ds)),
                new SecretBox(new SecretKeySpec(key, "AES")), () -> List.of(new FakeChannel(CHAT)), Clock.systemUTC());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void storesSettingsEncryptedAndFindsTheTenantByAccount(TestDatabase db) {
        DataSource ds = db.freshDataSource("classpath:db/migration/core");
        JdbcChannelAccounts accounts = accounts(ds, (byte) 1);
        accounts.save(ACME, CHAT, "T1", new ChannelSettings(Map.of("accountId", "T1", "token", "xoxb-secret")));

        assertThat(accounts.find(ACME, CHAT)).hasValueSatisfying(s -> assertThat(s.values())
                .containsEntry("token", "xoxb-secret").containsEntry("accountId", "T1"));
        assertThat(accounts.tenantForAccount(CHAT, "T1")).contains(ACME);
        assertThat(accounts.tenantForAccount(CHAT, "T2")).isEmpty();
        String raw = JdbcClient.create(ds).sql("select settings from channel_accounts").query(String.class).single();
        assertThat(raw).startsWith("v1:").doesNotContain("xoxb-secret");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void keepsAStoredSecretThatAnUpdateLeavesOut(TestDatabase db) {
        JdbcChannelAccounts accounts = accounts(db.freshDataSource("classpath:db/migration/core"), (byte) 1);
        accounts.save(ACME, CHAT, "T1", new ChannelSettings(Map.of("accountId", "T1", "token", "xoxb-secret")));
        accounts.save(ACME, CHAT, "T1", new ChannelSettings(Map.of("accountId", "T1", "token", "", "escalation", "C9")));

        assertThat(accounts.find(ACME, CHAT).orElseThrow().values())
                .containsEntry("token", "xoxb-secret").containsEntry("escalation", "C9");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void refusesAnAccountAlreadyConnectedToAnotherTenant(TestDatabase db) {
        JdbcChannelAccounts accounts = accounts(db.freshDataSource("classpath:db/migration/core"), (byte) 1);
        accounts.save(ACME, CHAT, "T1", new ChannelSettings(Map.of("accountId", "T1", "token", "a")));

        assertThatThrownBy(() -> accounts.save(GLOBEX, CHAT, "T1", new ChannelSettings(Map.of("accountId", "T1", "token", "b"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("another tenant");
        assertThat(accounts.find(GLOBEX, CHAT)).isEmpty();
        accounts.remove(ACME, CHAT);
        assertThat(accounts.find(ACME, CHAT)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void refusesToReadSecretsWithAnotherMasterKey(TestDatabase db) {
        DataSource ds = db.freshDataSource("classpath:db/migration/core");
        accounts(ds, (byte) 1).save(ACME, CHAT, "T1", new ChannelSettings(Map.of("accountId", "T1", "token", "a")));

        assertThatThrownBy(() -> accounts(ds, (byte) 2).find(ACME, CHAT))
                .hasMessageContaining("hub.master-key");
    }
}
