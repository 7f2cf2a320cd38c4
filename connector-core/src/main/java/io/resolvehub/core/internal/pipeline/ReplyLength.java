package io.resolvehub.core.internal.pipeline;

import io.resolvehub.core.Answer;

/**
 * Bounds what a chat shows of one reply, whatever the agent produced: a long answer is cut at a paragraph or sentence
 * before {@link #MAX_CHARS} and points to its sources, so it stays a few posts (Slack's sections hold 3,000
 * characters) instead of a flood that ties a worker up for minutes.
 */
final class ReplyLength {

    /** At most two Slack posts; the cited sources carry the rest. */
    static final int MAX_CHARS = 6000;
    static final String MORE = "\u2026 (the rest is in the sources below)";
    static final String MORE_WITHOUT_SOURCES = "\u2026 (shortened)";

    private ReplyLength() {
    }

    static Answer bounded(Answer answer) {
        String text = answer.text();
        if (text.length() <= MAX_CHARS) {
            return answer;
        }
        String more = answer.citations().isEmpty() ? MORE_WITHOUT_SOURCES : MORE;
        int limit = MAX_CHARS - more.length();
        int cut = Math.max(text.lastIndexOf("\n\n", limit), Math.max(text.lastIndexOf(". ", limit) + 1, text.lastIndexOf('\n', limit)));
        if (cut < limit / 2) {
            cut = Character.isHighSurrogate(text.charAt(limit - 1)) ? limit - 1 : limit; // no boundary near the end
        }
        return new Answer(answer.decision(), text.substring(0, cut).stripTrailing() + more, answer.confidence(),
                answer.citations(), answer.reason());
    }
}
