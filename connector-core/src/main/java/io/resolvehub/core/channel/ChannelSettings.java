package io.resolvehub.core.channel;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A tenant's settings for one channel (decrypted), keyed by {@link ChannelConfigProperty#name()}. */
public record ChannelSettings(Map<String, String> values) {

    public ChannelSettings {
        values = values == null ? Map.of() : Map.copyOf(values);
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name)).filter(v -> !v.isBlank());
    }

    /**
     * The first of {@code properties} that is required but not set here, as a detail naming it and saying what it is
     * (the parameter check every channel's {@code verify} starts with); empty when none is missing.
     */
    public Optional<String> missing(List<ChannelConfigProperty> properties) {
        return properties.stream().filter(p -> p.required() && get(p.name()).isEmpty()).findFirst()
                .map(p -> "'" + p.name() + "' is required: " + p.label());
    }

    /** The value, or an {@link IllegalStateException} naming the missing setting. */
    public String require(String name) {
        return get(name).orElseThrow(() -> new IllegalStateException("channel setting '" + name + "' is not set"));
    }
}
