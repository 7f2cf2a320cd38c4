package io.resolvehub.core.internal.intake;

import java.util.Locale;

/** The life of an inbound event: {@code received} → {@code processing} → {@code done}, or {@code dead} after N failures. */
public enum EventStatus {
    RECEIVED, PROCESSING, DONE, DEAD;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EventStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
