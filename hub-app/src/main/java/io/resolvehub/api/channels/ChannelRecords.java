package io.resolvehub.api.channels;

import io.resolvehub.api.ApiException;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.channel.ChannelAccounts;
import io.resolvehub.core.channel.ChannelConfigProperty;
import io.resolvehub.core.channel.ChannelConnectorFactory;
import io.resolvehub.core.channel.ChannelSettings;
import io.resolvehub.core.channel.Verification;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A tenant's channel records as the API and the admin page both edit them. The settings a channel takes are its
 * factory's {@code configProperties()}; secrets are masked on read, and a secret left blank or sent back as the mask
 * keeps its stored value.
 */
@Component
public class ChannelRecords {

    public static final String MASK = "********";
    private static final int MAX_VALUE = 2000;

    public record ChannelView(String channel, Map<String, String> settings) {
    }

    private final ChannelAccounts accounts;
    private final ObjectProvider<ChannelConnectorFactory> factories;

    ChannelRecords(ChannelAccounts accounts, ObjectProvider<ChannelConnectorFactory> factories) {
        this.accounts = accounts;
        this.factories = factories;
    }

    public List<ChannelView> list(TenantId tenant) {
        List<ChannelView> views = new ArrayList<>();
        factories.orderedStream().forEach(factory -> accounts.find(tenant, factory.type())
                .ifPresent(settings -> views.add(new ChannelView(factory.type().id(), masked(factory, settings)))));
        return views;
    }

    /** The settings form of a channel: its properties, in order. */
    public List<ChannelConfigProperty> properties(String channel) {
        return factory(channel).configProperties();
    }

    /** The stored record, masked; empty when the tenant has not connected the channel. */
    public Optional<ChannelView> find(TenantId tenant, String channel) {
        ChannelConnectorFactory factory = factory(channel);
        return accounts.find(tenant, factory.type()).map(s -> new ChannelView(channel, masked(factory, s)));
    }

    /**
     * Creates or replaces the record, or (any value invalid) changes nothing.
     *
     * @param given the submitted values by name; unknown names are refused so a typo never goes unnoticed
     */
    public ChannelView save(TenantId tenant, String channel, Map<String, String> given) {
        return save(tenant, channel, given, false);
    }

    /**
     * @param verifyFirst also run the connector's {@code verify()} against the platform, and change nothing when it
     *                    fails (the detail is the connector's, e.g. "Zendesk refused the connection: 401")
     */
    public ChannelView save(TenantId tenant, String channel, Map<String, String> given, boolean verifyFirst) {
        ChannelConnectorFactory factory = factory(channel);
        ChannelSettings settings = merged(tenant, factory, given);
        if (verifyFirst) {
            Verification verification = factory.verify(settings);
            if (!verification.ok()) {
                throw ApiException.badRequest("The " + channel + " settings do not work: " + verification.detail()
                        + ". Nothing was changed; send ?verify=false to store them without asking " + channel + ".");
            }
        }
        String accountKey = factory.configProperties().stream().filter(ChannelConfigProperty::accountKey).findFirst()
                .flatMap(p -> settings.get(p.name())).orElse(null);
        try {
            accounts.save(tenant, factory.type(), accountKey, settings);
        } catch (IllegalArgumentException e) {
            throw ApiException.conflict(e.getMessage() + "; disconnect it there first.");
        }
        return new ChannelView(channel, masked(factory, accounts.find(tenant, factory.type()).orElseThrow()));
    }

    /** Checks the values (secrets left masked: the stored ones) against the platform without saving them. */
    public Verification test(TenantId tenant, String channel, Map<String, String> given) {
        ChannelConnectorFactory factory = factory(channel);
        return factory.verify(merged(tenant, factory, given));
    }

    private ChannelSettings merged(TenantId tenant, ChannelConnectorFactory factory, Map<String, String> given) {
        List<ChannelConfigProperty> properties = factory.configProperties();
        Set<String> unknown = new TreeSet<>(given.keySet());
        unknown.removeAll(properties.stream().map(ChannelConfigProperty::name).collect(Collectors.toSet()));
        if (!unknown.isEmpty()) {
            throw ApiException.badRequest("Unknown setting(s) " + unknown + "; " + factory.type().id() + " takes "
                    + names(properties) + ". Nothing was changed.");
        }
        Optional<ChannelSettings> stored = accounts.find(tenant, factory.type());
        Map<String, String> values = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (ChannelConfigProperty p : properties) {
            String value = given.get(p.name());
            value = value == null ? null : value.strip();
            if (value != null && value.length() > MAX_VALUE) {
                problems.add("'" + p.name() + "' is longer than " + MAX_VALUE + " characters");
            }
            if (p.secret() && (value == null || value.isEmpty() || MASK.equals(value))) {
                value = stored.flatMap(s -> s.get(p.name())).orElse(null); // kept: blank or the mask sent back
            }
            if (p.required() && (value == null || value.isEmpty())) {
                problems.add("'" + p.name() + "' (" + p.label() + ") is required");
            }
            if (value != null && !value.isEmpty()) values.put(p.name(), value);
        }
        if (!problems.isEmpty()) {
            throw ApiException.badRequest(String.join("; ", problems) + ". Nothing was changed.");
        }
        ChannelSettings settings = new ChannelSettings(values);
        // the connector's own parameter checks (URL scheme, ids in the platform's shape), without the network
        factory.settingsProblem(settings).ifPresent(problem -> {
            throw ApiException.badRequest(problem + ". Nothing was changed.");
        });
        return settings;
    }

    private ChannelConnectorFactory factory(String channel) {
        return factories.orderedStream().filter(f -> f.type().id().equals(channel)).findFirst()
                .orElseThrow(() -> ApiException.notFound("There is no channel '" + channel
                        + "' in this hub; installed channels: " + installed() + "."));
    }

    private String installed() {
        return factories.orderedStream().map(f -> f.type().id()).sorted().collect(Collectors.joining(", "));
    }

    private static String names(List<ChannelConfigProperty> properties) {
        return properties.stream().map(p -> p.required() ? p.name() : p.name() + "?").collect(Collectors.joining(", "));
    }

    private static Map<String, String> masked(ChannelConnectorFactory factory, ChannelSettings settings) {
        Set<String> secrets = factory.configProperties().stream().filter(ChannelConfigProperty::secret)
                .map(ChannelConfigProperty::name).collect(Collectors.toSet());
        Map<String, String> out = new LinkedHashMap<>();
        settings.values().forEach((k, v) -> out.put(k, secrets.contains(k) ? MASK : v));
        return out;
    }
}
