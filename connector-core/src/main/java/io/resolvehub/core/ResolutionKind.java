package io.resolvehub.core;

import java.util.Locale;

/** Why a conversation counts as resolved; printed on the charge's receipt. */
public enum ResolutionKind {
    /** The user said so: the button, feedback, or "that solved it". */
    CONFIRMED,
    /** The silence window passed after an AI answer with no hand-off and no negative feedback. */
    ASSUMED,
    /** A Zendesk ticket the AI owned was solved with no human public reply. */
    TICKET_SOLVED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ResolutionKind fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
