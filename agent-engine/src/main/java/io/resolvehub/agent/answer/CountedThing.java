package io.resolvehub.agent.answer;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a "how many X" question counts, and whether a text gives a number of it: asked "how many envelopes does Solo come
 * with?", "Solo includes 50 envelopes per month." counts envelopes and "Up to 40 recipients per envelope." counts
 * recipients, though both hold a number and name envelopes.
 */
final class CountedThing {

    /** The two words after "how many": "discount codes", "rows can". */
    private static final Pattern ASKED = Pattern.compile("\\bhow many\\s+([\\p{L}-]+(?:\\s+[\\p{L}-]+)?)");
    /** A number and the two words after it, the first of which may be a qualifier: "5 discount codes", "1,000 rows". */
    private static final Pattern COUNT = Pattern.compile("\\b\\d[\\d,.]*\\+?\\s+([\\p{L}-]+(?:\\s+[\\p{L}-]+)?)");

    private final Set<String> counted;

    private CountedThing(Set<String> counted) {
        this.counted = counted;
    }

    /** What a "how many" question counts, among the question's own terms; null for any other question. */
    static CountedThing of(String question, Set<String> ownTerms) {
        Matcher m = ASKED.matcher(question.toLowerCase(Locale.ROOT));
        if (!m.find()) {
            return null;
        }
        Set<String> words = new HashSet<>(Terms.of(m.group(1)));
        words.retainAll(ownTerms);
        return words.isEmpty() ? null : new CountedThing(words);
    }

    /** Whether {@code text} gives a number of the counted thing. */
    boolean countedIn(String text) {
        Matcher m = COUNT.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            if (Terms.of(m.group(1)).stream().anyMatch(counted::contains)) {
                return true;
            }
        }
        return false;
    }
}
