package io.resolvehub.agent.answer;

import io.resolvehub.agent.TextTerms;

import java.util.Set;

/** The answer engine's use of {@link TextTerms}: a text's content words and how much of a question they cover. */
final class Terms {

    private Terms() {
    }

    static Set<String> of(String text) {
        return TextTerms.of(text);
    }

    /** Share of {@code wanted} found in {@code present}; 0 when nothing is wanted. */
    static double coverage(Set<String> wanted, Set<String> present) {
        if (wanted.isEmpty()) {
            return 0;
        }
        return wanted.stream().filter(present::contains).count() / (double) wanted.size();
    }
}
