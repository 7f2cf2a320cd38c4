package io.resolvehub.core.conversation;

import io.resolvehub.core.channel.TranscriptTurn;

import java.util.List;

/** A conversation with its whole transcript and its recorded events, oldest first. */
public record ConversationDetail(InboxItem summary, List<TranscriptTurn> turns, List<ConversationEventView> events) {

    public ConversationDetail {
        turns = List.copyOf(turns);
        events = List.copyOf(events);
    }
}
