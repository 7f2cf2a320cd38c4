package io.resolvehub.agent.answer;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognises a "how do I…" question, answered by steps. One that asks for a value ("how many…", "how long…") is not,
 * nor one that asks whether ("does removing someone delete their data?"), nor one that merely names a task ("I didn't
 * get the reset email": a {@link ProblemReport}, answered by what to do about it).
 */
final class HowToQuestion {

    /**
     * A task word used as a verb ("reset my password", "I want to cancel", "steps to export"), not as a noun's modifier
     * ("the reset email", "export formats").
     */
    private static final Pattern ACTION = Pattern.compile("(?:^\\W*(?:please\\s+)?|\\b(?:to|i|we|you|me)\\s+)(?:set|setup|configure|"
            + "enable|disable|change|reset|create|add|remove|delete|install|connect|update|cancel|turn|invite|export|import|"
            + "share|download)\\b|\\b(?:steps?|setup|instructions)\\b");
    private static final Pattern HOW_TO = Pattern.compile("\\bwhat (?:do|should|can|must) (?:i|we) do\\b|\\bhow (?:do|can|should|to|would|does)\\b");

    private HowToQuestion() {
    }

    static boolean is(String question) {
        String q = question.toLowerCase(Locale.ROOT);
        if (AnswerType.of(question) != AnswerType.ANY) {
            return false;
        }
        return HOW_TO.matcher(q).find() || !YesNoQuestion.is(question) && ACTION.matcher(q).find() && !ProblemReport.is(q);
    }
}
