package io.resolvehub.core.internal.channel;

import io.resolvehub.core.ChannelType;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.channel.ChannelAccounts;
import io.resolvehub.core.channel.ChannelConnector;
import io.resolvehub.core.channel.ChannelConnectorFactory;
import io.resolvehub.core.channel.ChannelException;
import io.resolvehub.core.channel.ChannelSettings;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Finds a tenant's connector for a channel: the web channel is built in; others come from the channel's
 * {@link ChannelConnectorFactory} bean and the tenant's {@link ChannelAccounts} record. Connectors are cached per
 * tenant and channel and rebuilt when the tenant's settings change.
 */
public class ChannelConnectors implements AutoCloseable {

    private record Cached(ChannelSettings settings, ChannelConnector connector) {
    }

    private final Supplier<List<ChannelConnectorFactory>> factories;
    private final ChannelAccounts accounts;
    private final ChannelConnector webConnector;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private volatile List<ChannelConnectorFactory> resolvedFactories;

    /** @param factories resolved on first use, so connector beans may themselves depend on core beans */
    public ChannelConnectors(Supplier<List<ChannelConnectorFactory>> factories, ChannelAccounts accounts,
                             ChannelConnector webConnector) {
        this.factories = factories;
        this.accounts = accounts;
        this.webConnector = webConnector;
    }

    public Optional<ChannelConnectorFactory> factory(ChannelType channel) {
        return factories().stream().filter(f -> f.type().equals(channel)).findFirst();
    }

    /** The factories, looked up once they exist (asking the application context for every event cost measurably). */
    public List<ChannelConnectorFactory> factories() {
        List<ChannelConnectorFactory> known = resolvedFactories;
        if (known == null) {
            known = List.copyOf(factories.get());
            if (!known.isEmpty()) {
                resolvedFactories = known;
            }
        }
        return known;
    }

    /**
     * @throws ChannelException (permanent) when the channel has no factory or the tenant has not configured it
     */
    public ChannelConnector forTenant(TenantId tenant, ChannelType channel) {
        if (ChannelType.WEB.equals(channel)) {
            return webConnector;
        }
        ChannelConnectorFactory factory = factory(channel).orElseThrow(() -> ChannelException.permanent(
                "no connector is installed for channel '" + channel + "'", null));
        ChannelSettings settings = accounts.find(tenant, channel).orElseThrow(() -> ChannelException.permanent(
                "tenant " + tenant + " has no " + channel + " settings: PUT /api/v1/tenants/" + tenant + "/channels/"
                        + channel, null));
        String key = tenant.value() + "/" + channel.id();
        Cached cached = cache.compute(key, (k, old) -> {
            if (old != null && old.settings().equals(settings)) {
                return old;
            }
            if (old != null) {
                old.connector().close();
            }
            return new Cached(settings, factory.create(tenant, settings));
        });
        return cached.connector();
    }

    @Override
    public void close() {
        cache.values().forEach(c -> c.connector().close());
        cache.clear();
    }
}
