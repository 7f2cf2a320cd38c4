package io.resolvehub.core;

import java.util.Locale;

/** Why a conversation went to a human (the Answer's {@code reason}). */
public enum HandoffReason {
    USER_REQUEST, LOW_CONFIDENCE, NO_KNOWLEDGE, MAX_TURNS, INSUFFICIENT_BALANCE, ENGINE_ERROR, NEGATIVE_FEEDBACK;

    /** The snake_case form used on the wire and in the database, e.g. {@code user_request}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static HandoffReason fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
