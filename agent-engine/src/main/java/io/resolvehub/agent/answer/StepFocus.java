package io.resolvehub.agent.answer;

import java.util.Set;

/**
 * What of a unit a question asks about: all of it, but of a list of steps asked about one of its facts ("how many backup
 * codes do I get") the step that names the most of the question's words ("4. Save your 10 backup codes."), a value of
 * the kind asked for counting as one more, not the list's opening nor words spread over other steps. A how-to question
 * asks about the whole task ({@link #WHOLE}).
 *
 * @param terms the question's terms; null for {@link #WHOLE}
 * @param type  the kind of value the question asks for
 */
record StepFocus(QuestionTerms terms, AnswerType type) {

    static final StepFocus WHOLE = new StepFocus(null, AnswerType.ANY);

    /** A value of the kind asked for counts as this many of the question's words. */
    private static final double VALUE_WEIGHT = 1.0;

    static StepFocus of(boolean procedural, QuestionTerms terms, AnswerType type) {
        return procedural ? WHOLE : new StepFocus(terms, type);
    }

    /** The part of {@code unit} the question is about. */
    String of(String unit) {
        String read = unit;
        if (terms != null && unit.indexOf('\n') >= 0) {
            double most = 0;
            for (String line : unit.split("\n")) {
                Set<String> said = Terms.of(line);
                double words = terms.own().stream().filter(t -> terms.found(t, said)).mapToDouble(terms::weight).sum()
                        + (type != AnswerType.ANY && type.carriedBy(line, terms.named()) ? VALUE_WEIGHT : 0);
                if (words > most) {
                    most = words;
                    read = line.strip();
                }
            }
        }
        return read;
    }

    /**
     * The text a unit is compared by meaning as: the part of it asked about, under its heading (the model reads it up to
     * {@link PassageSelector#RESCORE_TOKENS} tokens).
     */
    String asRead(String heading, String unit) {
        return heading + "\n" + of(unit);
    }
}
