package io.resolvehub.insights;

/** Where a conversation stands, as insights counts it. */
enum Outcome {
    OPEN, RESOLVED, HANDED_OFF, UNRESOLVED;

    String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static Outcome ofWire(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
