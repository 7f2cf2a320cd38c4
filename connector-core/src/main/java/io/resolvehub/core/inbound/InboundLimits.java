package io.resolvehub.core.inbound;

import io.resolvehub.core.InboundKind;
import io.resolvehub.core.InboundMessage;
import io.resolvehub.core.UserRef;

import java.util.HashMap;
import java.util.Map;

/**
 * The bounds every channel's delivery is held to before the intake stores it, the same on every channel. A platform
 * field longer than the hub keeps, or holding control characters where an id belongs, is a malformed delivery (400,
 * nothing stored): the database would refuse it, and the platform would deliver it again forever. A question longer
 * than {@link #MAX_QUESTION} is no reason to refuse: it is stored cut, as {@link InboundKind#TOO_LONG}, so the user
 * is told to shorten it rather than left without a reply. Free text loses control characters and lone surrogates
 * (PostgreSQL refuses a NUL in text).
 */
public final class InboundLimits {

    /** The longest question the hub answers, on every channel and in the REST API. */
    public static final int MAX_QUESTION = 4000;
    /** Platform event ids, user ids and names: the intake's columns. */
    static final int MAX_ID = 200;
    static final int MAX_THREAD_KEY = 400;
    static final int MAX_EMAIL = 320;
    /** One value of the reply context (ids, a service URL, the blocks of a clicked answer). */
    static final int MAX_CONTEXT_VALUE = 32 * 1024;

    private InboundLimits() {
    }

    /**
     * The message as the intake may store it.
     *
     * @throws InboundEndpoint.Ended with a 400 naming the field, when a platform field is out of bounds
     */
    public static InboundMessage bounded(InboundMessage m) {
        id("event id", m.platformEventId(), MAX_ID);
        id("thread key", m.threadKey(), MAX_THREAD_KEY);
        UserRef user = m.user();
        id("user id", user.platformId(), MAX_ID);
        UserRef cleanUser = new UserRef(user.platformId(), cut(clean(user.displayName()), MAX_ID),
                user.email() == null || user.email().length() > MAX_EMAIL ? null : clean(user.email()));
        Map<String, String> context = new HashMap<>();
        m.replyContext().forEach((key, value) -> {
            id("reply context key", key, MAX_ID);
            if (value != null && value.length() > MAX_CONTEXT_VALUE) {
                throw refused(key + " is longer than " + MAX_CONTEXT_VALUE + " characters");
            }
            context.put(key, value);
        });
        String text = clean(m.text());
        InboundKind kind = m.kind();
        if (kind == InboundKind.MESSAGE && text.length() > MAX_QUESTION) {
            kind = InboundKind.TOO_LONG;
            text = cut(text, MAX_QUESTION);
        }
        return new InboundMessage(m.tenant(), m.channel(), m.platformEventId(), m.threadKey(), kind, text, cleanUser,
                context, m.receivedAt(), m.priorTurns());
    }

    /** An id a platform sent: refused when too long or when it holds control characters or lone surrogates. */
    public static void id(String field, String value, int max) {
        if (value == null) {
            return;
        }
        if (value.length() > max) {
            throw refused("the " + field + " is longer than " + max + " characters");
        }
        if (!clean(value).equals(value)) {
            throw refused("the " + field + " holds control characters");
        }
    }

    /** The text without control characters (but line breaks and tabs) and with lone surrogates replaced. */
    static String clean(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pairedHigh = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            boolean pairedLow = Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
            boolean control = Character.isISOControl(c) && c != '\n' && c != '\t' && c != '\r';
            boolean loneSurrogate = Character.isSurrogate(c) && !pairedHigh && !pairedLow;
            if (control || loneSurrogate) {
                if (out == null) {
                    out = new StringBuilder(text.length()).append(text, 0, i);
                }
                if (loneSurrogate) {
                    out.append('\uFFFD');
                }
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    private static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        // never between the two halves of a surrogate pair
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }

    private static InboundEndpoint.Ended refused(String detail) {
        return new InboundEndpoint.Ended(InboundOutcome.rejected(400, detail), detail);
    }
}
