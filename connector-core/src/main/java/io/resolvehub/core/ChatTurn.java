package io.resolvehub.core;

import java.util.Locale;
import java.util.Objects;

/** One earlier message of a conversation, as history for the agent. */
public record ChatTurn(Role role, String text) {

    public enum Role {
        /** The customer. */
        USER,
        /** The AI. */
        ASSISTANT,
        /** A person of the support team, replying from the inbox after a hand-off. */
        HUMAN;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Role fromWire(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    public ChatTurn {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(text, "text");
    }

    public static ChatTurn user(String text) {
        return new ChatTurn(Role.USER, text);
    }

    public static ChatTurn assistant(String text) {
        return new ChatTurn(Role.ASSISTANT, text);
    }
}
