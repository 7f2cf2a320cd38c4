package io.resolvehub.agent.answer;

import java.util.Set;

/** The content words of a text as the answer engine counts them (stemmed, filler removed), for other packages. */
public final class TextTerms {

    private TextTerms() {
    }

    public static Set<String> of(String text) {
        return Terms.of(text);
    }
}
