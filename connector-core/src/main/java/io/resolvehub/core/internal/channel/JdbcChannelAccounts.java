package io.resolvehub.core.internal.channel;

import io.resolvehub.core.ChannelType;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.channel.ChannelAccounts;
import io.resolvehub.core.channel.ChannelConfigProperty;
import io.resolvehub.core.channel.ChannelConnectorFactory;
import io.resolvehub.core.channel.ChannelSettings;
import io.resolvehub.core.internal.crypto.SecretBox;
import io.resolvehub.core.internal.support.Json;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static io.resolvehub.core.internal.support.Sql.ts;

/**
 * Channel records in {@code channel_accounts}. The whole settings map is encrypted with AES-GCM under the master key
 * (bound to tenant + channel), so secrets never reach the database in clear; the account key stays clear because
 * inbound events are routed by it.
 */
public class JdbcChannelAccounts implements ChannelAccounts {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final SecretBox box;
    private final Supplier<List<ChannelConnectorFactory>> factories;
    private final Clock clock;
    /** The last settings opened per tenant and channel, with the sealed text they came from. */
    private final Map<String, Opened> opened = new java.util.concurrent.ConcurrentHashMap<>();

    private record Opened(String sealed, ChannelSettings settings) {
    }

    public JdbcChannelAccounts(JdbcClient jdbc, TransactionTemplate tx, SecretBox box,
                               Supplier<List<ChannelConnectorFactory>> factories, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.box = box;
        this.clock = clock;
        this.factories = factories;
    }

    @Override
    public Optional<ChannelSettings> find(TenantId tenant, ChannelType channel) {
        return jdbc.sql("select settings from channel_accounts where tenant_id = ? and channel = ?")
                .params(tenant.value(), channel.id())
                .query(String.class).optional()
                .map(sealed -> open(tenant, channel, sealed));
    }

    /** Decrypts only when the stored text changed: every reply and every delivery reads the settings. */
    private ChannelSettings open(TenantId tenant, ChannelType channel, String sealed) {
        String key = aad(tenant, channel);
        Opened last = opened.get(key);
        if (last != null && last.sealed().equals(sealed)) {
            return last.settings();
        }
        ChannelSettings settings = new ChannelSettings(Json.stringMap(box.decrypt(sealed, key)));
        opened.put(key, new Opened(sealed, settings));
        return settings;
    }

    @Override
    public Optional<TenantId> tenantForAccount(ChannelType channel, String accountKey) {
        if (accountKey == null) {
            return Optional.empty();
        }
        return jdbc.sql("select tenant_id from channel_accounts where channel = ? and account_key = ?")
                .params(channel.id(), accountKey)
                .query(String.class).optional().map(TenantId::new);
    }

    @Override
    public void save(TenantId tenant, ChannelType channel, String accountKey, ChannelSettings settings) {
        try {
            tx.executeWithoutResult(status -> {
                Optional<TenantId> owner = tenantForAccount(channel, accountKey);
                if (owner.isPresent() && !owner.get().equals(tenant)) {
                    throw new IllegalArgumentException(channel + " account " + accountKey
                            + " is already connected to another tenant");
                }
                Map<String, String> merged = keepOmittedSecrets(find(tenant, channel), channel, settings);
                String sealed = box.encrypt(Json.write(merged), aad(tenant, channel));
                int updated = jdbc.sql("update channel_accounts set account_key = ?, settings = ?, updated_at = ? "
                                + "where tenant_id = ? and channel = ?")
                        .params(accountKey, sealed, ts(clock.instant()), tenant.value(), channel.id()).update();
                if (updated == 0) {
                    jdbc.sql("insert into channel_accounts (tenant_id, channel, account_key, settings, updated_at) "
                                    + "values (?, ?, ?, ?, ?)")
                            .params(tenant.value(), channel.id(), accountKey, sealed, ts(clock.instant())).update();
                }
            });
        } catch (DuplicateKeyException raced) {
            throw new IllegalArgumentException(channel + " account " + accountKey
                    + " is already connected to another tenant", raced);
        }
    }

    @Override
    public void remove(TenantId tenant, ChannelType channel) {
        jdbc.sql("delete from channel_accounts where tenant_id = ? and channel = ?")
                .params(tenant.value(), channel.id()).update();
    }

    /** A secret left out or blank in an update keeps its stored value (the API shows secrets masked). */
    private Map<String, String> keepOmittedSecrets(Optional<ChannelSettings> stored, ChannelType channel,
                                                   ChannelSettings update) {
        Map<String, String> merged = new LinkedHashMap<>();
        update.values().forEach((k, v) -> {
            if (v != null) merged.put(k, v);
        });
        Set<String> secrets = secretNames(channel);
        stored.ifPresent(old -> old.values().forEach((name, value) -> {
            String given = merged.get(name);
            if ((secrets == null || secrets.contains(name)) && (given == null || given.isBlank())) {
                merged.put(name, value);
            }
        }));
        return merged;
    }

    /** The channel's secret settings; a channel without a factory treats every setting as secret (the safe side). */
    private Set<String> secretNames(ChannelType channel) {
        return factories.get().stream().filter(f -> f.type().equals(channel)).findFirst()
                .map(f -> f.configProperties().stream().filter(ChannelConfigProperty::secret)
                        .map(ChannelConfigProperty::name).collect(Collectors.toSet()))
                .orElse(null);
    }

    static String aad(TenantId tenant, ChannelType channel) {
        return "channel_accounts:" + tenant.value() + ":" + channel.id();
    }
}
