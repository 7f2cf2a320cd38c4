package io.resolvehub.core;

import java.util.Locale;

/** A conversation's status: {@code open} (the AI is answering), {@code escalated} (a human owns it), {@code resolved} (billed), {@code unresolved}. */
public enum ConversationStatus {
    OPEN, ESCALATED, RESOLVED, UNRESOLVED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ConversationStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
