package io.resolvehub.core.channel;

import io.resolvehub.core.ChatTurn;
import io.resolvehub.core.Citation;
import io.resolvehub.core.Decision;

import java.time.Instant;
import java.util.List;

/**
 * One turn of a conversation's transcript.
 *
 * @param decision   for assistant turns; null for user turns
 * @param confidence for assistant turns; null for user turns
 */
public record TranscriptTurn(ChatTurn.Role role, String text, Decision decision, Double confidence,
                             List<Citation> citations, Instant at) {

    public TranscriptTurn {
        citations = citations == null ? List.of() : List.copyOf(citations);
    }
}
