package io.resolvehub.core;

import java.util.Objects;
import java.util.UUID;

/** The hub's own id of a conversation, the same across channels and billing. */
public record ConversationId(String value) {

    public ConversationId {
        Objects.requireNonNull(value, "conversation id");
    }

    public static ConversationId random() {
        return new ConversationId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
