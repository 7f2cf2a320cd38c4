package io.resolvehub.agent.answer;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognises a report of something that went wrong ("reset email never showed up", "the page won't let me reset") and
 * the text that answers one: what to do when it goes wrong ("If the email doesn't arrive within 10 minutes, check your
 * spam folder"), not the task's steps, which the user has already followed.
 */
final class ProblemReport {

    private static final Pattern PROBLEM = Pattern.compile("\\b(?:never|\\w+n't|cant|wont|didnt|doesnt|isnt|failed|fails|"
            + "failing|keeps|stuck|missing|broken)\\b");
    /** A condition of failure ("if the email doesn't arrive", "when a payment fails") or a troubleshooting heading. */
    private static final Pattern REMEDY = Pattern.compile("\\b(?:if|when|in case)\\b[^.;:?]{0,100}?\\b(?:not|\\w+n't|never|no longer|"
            + "fails?|failed|unable|missing|wrong|locked|expired|lost)\\b|^\\W*(?:didn't|did not|not|no|can't|lost)\\b[^.]*\\?");

    private ProblemReport() {
    }

    static boolean is(String question) {
        return PROBLEM.matcher(question.toLowerCase(Locale.ROOT)).find();
    }

    static boolean remedies(String unit) {
        return REMEDY.matcher(unit.toLowerCase(Locale.ROOT)).find();
    }
}
