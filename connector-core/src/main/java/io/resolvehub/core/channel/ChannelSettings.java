package io.resolvehub.core.channel;

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

    /** The value, or an {@link IllegalStateException} naming the missing setting. */
    public String require(String name) {
        return get(name).orElseThrow(() -> new IllegalStateException("channel setting '" + name + "' is not set"));
    }
}
