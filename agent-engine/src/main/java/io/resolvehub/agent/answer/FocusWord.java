package io.resolvehub.agent.answer;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The word a "what X" / "which X" question asks about: the unit that answers it names X. */
final class FocusWord {

    /** "what columns…", "which IDs…": the word after what / which, unless it is a verb or a determiner. */
    private static final Pattern FOCUS = Pattern.compile("^\\W*(?:what|which)\\s+(?:kinds? of\\s+|types? of\\s+|sorts? of\\s+)?"
            + "(?!(?:is|are|was|were|do|does|did|can|could|should|will|would|has|have|happens|if|about|the|a|an|my|your|our|"
            + "this|that|it|i|we|you)\\b)([a-z][a-z0-9-]*)\\b");

    private FocusWord() {
    }

    /**
     * The word a "what X" / "which X" question asks about ("what <i>columns</i> does the bulk send file need", "which
     * <i>IDs</i> are accepted"), when it is one of the question's own terms; null for any other question. The rest of
     * such a question names the topic, which the whole section shares; the unit that answers is the one naming X.
     */
    static String of(String question, Set<String> ownTerms) {
        Matcher m = FOCUS.matcher(question.toLowerCase(Locale.ROOT));
        if (!m.find()) {
            return null;
        }
        Set<String> word = Terms.of(m.group(1));
        return word.size() == 1 && ownTerms.containsAll(word) ? word.iterator().next() : null;
    }
}
