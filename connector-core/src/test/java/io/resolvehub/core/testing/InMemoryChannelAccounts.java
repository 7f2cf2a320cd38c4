package io.resolvehub.core.testing;

import io.resolvehub.core.ChannelType;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.channel.ChannelAccounts;
import io.resolvehub.core.channel.ChannelSettings;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** For channel tests: channel records in memory, with the real store's rules: account keys unique per channel, blank secrets kept. */
public final class InMemoryChannelAccounts implements ChannelAccounts {

    private record Key(TenantId tenant, ChannelType channel) {
    }

    private record Entry(String accountKey, ChannelSettings settings) {
    }

    private final Map<Key, Entry> records = new ConcurrentHashMap<>();

    @Override
    public Optional<ChannelSettings> find(TenantId tenant, ChannelType channel) {
        return Optional.ofNullable(records.get(new Key(tenant, channel))).map(Entry::settings);
    }

    @Override
    public Optional<TenantId> tenantForAccount(ChannelType channel, String accountKey) {
        if (accountKey == null) {
            return Optional.empty(); // as the real store: channels without an account key (Zendesk) never clash
        }
        return records.entrySet().stream()
                .filter(e -> e.getKey().channel().equals(channel) && Objects.equals(e.getValue().accountKey(), accountKey))
                .map(e -> e.getKey().tenant()).findFirst();
    }

    @Override
    public synchronized void save(TenantId tenant, ChannelType channel, String accountKey, ChannelSettings settings) {
        tenantForAccount(channel, accountKey).filter(owner -> !owner.equals(tenant)).ifPresent(owner -> {
            throw new IllegalArgumentException(channel + " account " + accountKey + " is installed for another tenant");
        });
        Map<String, String> merged = new HashMap<>(find(tenant, channel).map(ChannelSettings::values).orElse(Map.of()));
        settings.values().forEach((k, v) -> {
            if (v != null && !v.isBlank()) merged.put(k, v);
        });
        records.put(new Key(tenant, channel), new Entry(accountKey, new ChannelSettings(merged)));
    }

    public void clear() {
        records.clear();
    }

    @Override
    public void remove(TenantId tenant, ChannelType channel) {
        records.remove(new Key(tenant, channel));
    }
}
