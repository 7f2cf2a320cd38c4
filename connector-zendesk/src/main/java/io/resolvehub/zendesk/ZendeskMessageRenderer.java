package io.resolvehub.zendesk;

import io.resolvehub.core.Answer;
import io.resolvehub.core.ChatTurn;
import io.resolvehub.core.Citation;
import io.resolvehub.core.HandoffReason;
import io.resolvehub.core.channel.ConversationView;
import io.resolvehub.core.channel.TranscriptTurn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The hub's words on a ticket, as plain-text comment bodies (Zendesk links bare URLs in them): the AI's public answers
 * with their sources, the internal note of a hand-off, and the transcript of a ticket opened for another channel.
 */
final class ZendeskMessageRenderer {

    /** Comment bodies above this are cut (Zendesk accepts far more; a wall of text helps nobody). */
    static final int MAX_BODY_CHARS = 30_000;
    /** The reply instructions under an answer; the phrases are the ones core's hand-off policy understands. */
    static final String FEEDBACK_FOOTER = "Did this solve it? Reply \"that solved it\", or reply \"talk to a human\" "
            + "and a person from our team will take over.";

    String answer(Answer answer, boolean feedbackControls) {
        StringBuilder body = new StringBuilder(answer.text().strip());
        List<Citation> sources = distinct(answer.citations());
        if (!sources.isEmpty()) {
            body.append("\n\nSources:");
            for (Citation source : sources) {
                body.append("\n- ").append(source.title());
                if (source.url() != null && !source.url().isBlank()) {
                    body.append(": ").append(source.url());
                }
            }
        }
        if (feedbackControls) {
            body.append("\n\n").append(FEEDBACK_FOOTER);
        }
        return cut(body.toString());
    }

    /** The internal note of a hand-off: why, a summary, then each AI turn with its confidence and cited sources. */
    String handoffNote(ConversationView view, HandoffReason reason) {
        List<TranscriptTurn> aiTurns = view.turns().stream().filter(t -> t.role() == ChatTurn.Role.ASSISTANT
                && t.decision() != null && t.decision() != io.resolvehub.core.Decision.HANDOFF).toList();
        StringBuilder note = new StringBuilder("ResolveHub handed this ticket to a person (reason: ")
                .append(reason.wire()).append(").\n\nSummary: ");
        String question = view.firstQuestion().strip();
        note.append(question.isEmpty() ? "the requester asked for help." : "the requester asked \"" + shorten(question, 300) + "\".");
        note.append(" The AI replied ").append(aiTurns.size()).append(aiTurns.size() == 1 ? " time" : " times");
        note.append(aiTurns.isEmpty() ? "." : "; details below.");
        int n = 0;
        for (TranscriptTurn turn : aiTurns) {
            note.append("\n\nAI turn ").append(++n).append(" (").append(turn.decision().wire());
            if (turn.confidence() != null) {
                note.append(", confidence ").append(String.format(Locale.ROOT, "%.2f", turn.confidence()));
            }
            note.append("): ").append(shorten(turn.text().strip(), 1000));
            for (Citation source : distinct(turn.citations())) {
                note.append("\n  source: ").append(source.title());
                if (source.url() != null && !source.url().isBlank()) {
                    note.append(" <").append(source.url()).append('>');
                }
            }
        }
        return cut(note.toString());
    }

    /** The description of a ticket opened for a hand-off from a chat channel: the whole conversation. */
    String transcript(ConversationView view, HandoffReason reason, String threadLink) {
        StringBuilder out = new StringBuilder("Handed off by ResolveHub from ")
                .append(channelName(view.ref().channel().id())).append(" (reason: ").append(reason.wire()).append(").\n");
        if (threadLink != null && !threadLink.isBlank()) {
            out.append("Conversation: ").append(threadLink).append('\n');
        }
        out.append("Customer: ").append(view.ref().user().label()).append("\n\nTranscript:\n");
        for (TranscriptTurn turn : view.turns()) {
            if (turn.role() == ChatTurn.Role.USER) {
                out.append('\n').append(view.ref().user().label()).append(": ").append(turn.text().strip()).append('\n');
                continue;
            }
            out.append("\nAI");
            if (turn.decision() != null) {
                out.append(" (").append(turn.decision().wire());
                if (turn.confidence() != null) {
                    out.append(", confidence ").append(String.format(Locale.ROOT, "%.2f", turn.confidence()));
                }
                out.append(')');
            }
            out.append(": ").append(turn.text().strip()).append('\n');
            for (Citation source : distinct(turn.citations())) {
                out.append("  source: ").append(source.title());
                if (source.url() != null && !source.url().isBlank()) {
                    out.append(" <").append(source.url()).append('>');
                }
                out.append('\n');
            }
        }
        return cut(out.toString());
    }

    /** A ticket subject from the first question: one line, at most 150 characters. */
    String subject(ConversationView view) {
        String question = view.firstQuestion().strip().replaceAll("\\s+", " ");
        if (question.isEmpty()) {
            return "Conversation from " + channelName(view.ref().channel().id()) + " with " + view.ref().user().label();
        }
        return shorten(question, 150);
    }

    private static String channelName(String channel) {
        return switch (channel) {
            case "slack" -> "Slack";
            case "teams" -> "Microsoft Teams";
            case "web" -> "the web";
            default -> channel;
        };
    }

    private static List<Citation> distinct(List<Citation> citations) {
        Map<String, Citation> byKey = new LinkedHashMap<>();
        for (Citation c : citations) {
            byKey.putIfAbsent(c.url() != null ? c.url() : c.title(), c);
        }
        return List.copyOf(byKey.values());
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static String cut(String body) {
        return body.length() <= MAX_BODY_CHARS ? body : body.substring(0, MAX_BODY_CHARS - 1) + "…";
    }
}
