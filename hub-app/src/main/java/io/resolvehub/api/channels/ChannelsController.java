package io.resolvehub.api.channels;

import io.resolvehub.api.ApiException;
import io.resolvehub.api.TenantAccess;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.channel.ChannelAccounts;
import io.resolvehub.core.channel.ChannelConfigProperty;
import io.resolvehub.core.channel.ChannelConnectorFactory;
import io.resolvehub.core.channel.ChannelSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * {@code PUT /tenants/{t}/channels/{slack|teams|zendesk}} and {@code GET /tenants/{t}/channels}. The settings a
 * channel takes are its factory's {@code configProperties()}; secrets are masked on read and kept when an update
 * leaves them out.
 */
@RestController
@RequestMapping("/api/v1/tenants/{tenant}/channels")
class ChannelsController {

    static final String MASK = "********";
    private static final int MAX_VALUE = 2000;

    record ChannelView(String channel, Map<String, String> settings) {
    }

    private final TenantAccess access;
    private final ChannelAccounts accounts;
    private final ObjectProvider<ChannelConnectorFactory> factories;

    ChannelsController(TenantAccess access, ChannelAccounts accounts, ObjectProvider<ChannelConnectorFactory> factories) {
        this.access = access;
        this.accounts = accounts;
        this.factories = factories;
    }

    @GetMapping
    List<ChannelView> list(@PathVariable String tenant) {
        TenantId t = access.require(tenant);
        List<ChannelView> views = new ArrayList<>();
        factories.orderedStream().forEach(factory -> accounts.find(t, factory.type())
                .ifPresent(settings -> views.add(new ChannelView(factory.type().id(), masked(factory, settings)))));
        return views;
    }

    @PutMapping("/{channel}")
    ChannelView put(@PathVariable String tenant, @PathVariable String channel, @RequestBody(required = false) JsonNode body) {
        TenantId t = access.require(tenant);
        ChannelConnectorFactory factory = factory(channel).orElseThrow(() -> ApiException.notFound(
                "There is no channel '" + channel + "' in this hub; installed channels: " + installed() + "."));
        List<ChannelConfigProperty> properties = factory.configProperties();
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("The body must be a JSON object with " + names(properties) + ".");
        }
        Set<String> unknown = new TreeSet<>(body.propertyNames());
        unknown.removeAll(properties.stream().map(ChannelConfigProperty::name).collect(Collectors.toSet()));
        if (!unknown.isEmpty()) {
            throw ApiException.badRequest("Unknown setting(s) " + unknown + "; " + channel + " takes " + names(properties)
                    + ". Nothing was changed.");
        }
        Optional<ChannelSettings> stored = accounts.find(t, factory.type());
        Map<String, String> values = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (ChannelConfigProperty p : properties) {
            JsonNode v = body.get(p.name());
            String value = null;
            if (v != null && !v.isNull()) {
                if (!v.isString() && !v.isNumber()) {
                    problems.add("'" + p.name() + "' must be a string");
                    continue;
                }
                value = v.isString() ? v.stringValue().strip() : v.asString();
                if (value.length() > MAX_VALUE) problems.add("'" + p.name() + "' is longer than " + MAX_VALUE + " characters");
                if (p.secret() && MASK.equals(value)) value = null; // the masked value sent back unchanged
            }
            boolean keptSecret = p.secret() && (value == null || value.isEmpty())
                    && stored.flatMap(s -> s.get(p.name())).isPresent();
            if (p.required() && (value == null || value.isEmpty()) && !keptSecret) {
                problems.add("'" + p.name() + "' (" + p.label() + ") is required");
            }
            if (value != null && !value.isEmpty()) values.put(p.name(), value);
        }
        if (!problems.isEmpty()) {
            throw ApiException.badRequest(String.join("; ", problems) + ". Nothing was changed.");
        }
        String accountKey = properties.stream().filter(ChannelConfigProperty::accountKey).findFirst()
                .map(p -> values.get(p.name())).orElse(null);
        try {
            accounts.save(t, factory.type(), accountKey, new ChannelSettings(values));
        } catch (IllegalArgumentException e) {
            throw ApiException.conflict(e.getMessage() + "; disconnect it there first.");
        }
        return new ChannelView(factory.type().id(), masked(factory, accounts.find(t, factory.type()).orElseThrow()));
    }

    private Optional<ChannelConnectorFactory> factory(String channel) {
        return factories.orderedStream().filter(f -> f.type().id().equals(channel)).findFirst();
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
