package io.resolvehub.agent.answer;

import java.util.regex.Pattern;

/** Recognises a yes/no question by its opening auxiliary verb: "Is it free?", "Can I export to PDF?". */
final class YesNoQuestion {

    private static final Pattern OPENING_AUXILIARY = Pattern.compile(
            "^\\W*(?:(?:so|and|but|ok|okay|then|also|btw|hmm|oh|i see)\\W+)*"
                    + "(is|are|was|were|am|do|does|did|can|could|will|would|should|shall|may|might|has|have|had|isn't|aren't|doesn't|don't|can't|won't)\\b",
            Pattern.CASE_INSENSITIVE);

    private YesNoQuestion() {
    }

    static boolean is(String question) {
        return OPENING_AUXILIARY.matcher(question).find();
    }
}
