package io.resolvehub.agent;

import java.util.Locale;

/** Ingestion state of a source: {@code pending → indexing → ready | failed}. */
public enum SourceStatus {
    PENDING, INDEXING, READY, FAILED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SourceStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
