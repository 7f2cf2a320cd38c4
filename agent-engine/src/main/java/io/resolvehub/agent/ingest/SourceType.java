package io.resolvehub.agent.ingest;

import java.util.Locale;

/** Where a knowledge source's documents come from. */
public enum SourceType {
    FILE, TEXT, URL, SITEMAP;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SourceType fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
