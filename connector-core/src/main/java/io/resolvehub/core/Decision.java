package io.resolvehub.core;

import java.util.Locale;

/** What the agent does with a message. */
public enum Decision {
    ANSWER, CLARIFY, HANDOFF;

    /** The lower-case form used on the wire and in the database. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Decision fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
