package io.resolvehub.core.channel;

import io.resolvehub.core.ConversationStatus;

import java.util.List;

/** A conversation with its whole transcript, as a hand-off ticket carries it. */
public record ConversationView(ConversationRef ref, ConversationStatus status, List<TranscriptTurn> turns) {

    public ConversationView {
        turns = List.copyOf(turns);
    }

    /** The first user message, a natural ticket subject. */
    public String firstQuestion() {
        return turns.stream().filter(t -> t.role() == io.resolvehub.core.ChatTurn.Role.USER)
                .map(TranscriptTurn::text).findFirst().orElse("");
    }
}
