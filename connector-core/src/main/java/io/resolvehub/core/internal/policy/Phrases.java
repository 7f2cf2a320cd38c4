package io.resolvehub.core.internal.policy;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognises what a short message means without the agent: a request for a person (the tenant's phrases), a
 * confirmation that the answer worked, or a complaint that it did not. Matching ignores case, accents, punctuation
 * and extra spaces ("Parler a un HUMAIN !" matches "parler à un humain"), and looks for the phrase as whole words.
 */
public final class Phrases {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    /** "That solved it" and friends; only short messages count, so "that worked before, but now…" is a question. */
    static final List<String> RESOLVED = List.of(
            "that solved it", "this solved it", "solved it", "that worked", "this worked", "it worked", "that fixed it",
            "fixed it", "problem solved", "issue resolved", "works now", "it works now", "that helped", "that did it",
            "das hat geholfen", "das hat funktioniert", "hat funktioniert", "problem gelost", "eso funciono",
            "funciono", "problema resuelto", "ca a marche", "ca marche", "c est resolu", "probleme resolu",
            "ha funzionato", "risolto", "funcionou", "resolvido");

    /** "That didn't help"; again only short messages, so a follow-up question is answered instead. */
    static final List<String> NOT_HELPFUL = List.of(
            "didn t help", "did not help", "doesn t help", "does not help", "not helpful", "that didn t work",
            "that did not work", "still not working", "still doesn t work", "still does not work", "wrong answer",
            "hat nicht geholfen", "hilft nicht", "no me ayudo", "no ayudo", "ca n a pas aide", "ca ne marche pas",
            "non ha aiutato", "nao ajudou");

    private static final int SHORT_MESSAGE_WORDS = 10;

    private Phrases() {
    }

    /** Lower-case, accents and punctuation removed, single spaces, padded with a space on each side. */
    static String normalize(String text) {
        String folded = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        return " " + NOT_WORD.matcher(folded.toLowerCase(Locale.ROOT)).replaceAll(" ").strip() + " ";
    }

    public static boolean containsAny(String text, List<String> phrases) {
        String normalized = normalize(text);
        for (String phrase : phrases) {
            String p = normalize(phrase);
            if (p.isBlank()) continue;
            if (normalized.contains(p)) {
                return true;
            }
        }
        return false;
    }

    public static boolean asksForHuman(String text, List<String> humanPhrases) {
        return containsAny(text, humanPhrases);
    }

    public static boolean confirmsResolution(String text) {
        return isShortStatement(text) && containsAny(text, RESOLVED) && !containsAny(text, NOT_HELPFUL)
                && !containsAny(text, List.of("not", "didn t", "did not", "nicht", "no", "pas"));
    }

    public static boolean saysNotHelpful(String text) {
        return isShortStatement(text) && containsAny(text, NOT_HELPFUL);
    }

    private static boolean isShortStatement(String text) {
        String normalized = normalize(text).strip();
        return !text.contains("?") && !normalized.isEmpty() && normalized.split(" ").length <= SHORT_MESSAGE_WORDS;
    }
}
