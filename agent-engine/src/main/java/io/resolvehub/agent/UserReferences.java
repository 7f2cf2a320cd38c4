package io.resolvehub.agent;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The user's own references in a message: "(ref 20417)", "ticket #58213", "order ORD-7Q2K-93XF", "envelope
 * ENV-7Q2K-93XF". They say which case the message is about, not what it asks, and a code the documents never hold and
 * the model has never seen moves the message's meaning and its words away from the answer: "how do I reset my password?
 * (ref 20417)" is asked as "how do I reset my password?". The word that introduces a reference stays ("my invoice");
 * a number that is no reference ("error 429", "in 2019", "5 seats") stays too.
 */
public final class UserReferences {

    /**
     * Letters and digits in hyphenated parts, or "#" and digits: a reference when {@link #isCode} says so ("ENV-7Q2K-93XF",
     * "ORD-55812", "#4411", but not "SHA-256" or "COVID-19").
     */
    private static final Pattern CODE = Pattern.compile("(?<![\\w-])(?=[A-Za-z0-9-]*\\d)(?=[A-Za-z0-9-]*[A-Za-z])"
            + "[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+(?![\\w-])|(?<!\\w)#\\d{3,}\\b");
    /** A number after a word that introduces a reference ("ticket 58213", "ref: 20417", "order no. 1182"). */
    private static final Pattern INTRODUCED = Pattern.compile("\\b(ref|reference|ticket|case|order|invoice|envelope|"
            + "booking|request|account|customer|transaction)(?:\\s*(?:no\\.?|number|nr\\.?|id))?\\s*[:#]?\\s*\\d[\\w-]*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern EMPTY_BRACKETS = Pattern.compile("\\(\\s*(?:ref|reference)?\\s*\\)|\\[\\s*]",
            Pattern.CASE_INSENSITIVE);

    private UserReferences() {
    }

    /** The message without the references it quotes; the same text when it quotes none. */
    public static String strip(String message) {
        String stripped = INTRODUCED.matcher(message).replaceAll("$1");
        stripped = CODE.matcher(stripped).replaceAll(m -> isCode(m.group()) ? "" : Matcher.quoteReplacement(m.group()));
        stripped = EMPTY_BRACKETS.matcher(stripped).replaceAll("");
        stripped = stripped.replaceAll("[ \\t]{2,}", " ").replaceAll("\\s+([?.!,:])", "$1").strip();
        return stripped.isEmpty() ? message : stripped;
    }

    /** Three or more parts, a part mixing letters and digits, or a run of four digits: what names like SHA-256 lack. */
    private static boolean isCode(String candidate) {
        if (candidate.startsWith("#")) {
            return true;
        }
        String[] parts = candidate.split("-");
        return parts.length >= 3 || candidate.matches(".*\\d{4}.*")
                || java.util.Arrays.stream(parts).anyMatch(p -> p.matches(".*\\d.*") && p.matches(".*[A-Za-z].*"));
    }
}
