package io.resolvehub.agent.answer;

import java.util.regex.Pattern;

/**
 * Whether a question asks what a short form means: "what is a QES?", "What does TOIL stand for?", "the certificate
 * article mentions a TSA, what is that?". Such a question is answered by the sentence that defines the short form (often
 * a glossary entry), not by an article that merely uses it ("For documents that need a QES in the EU…").
 */
final class MeaningQuestion {

    private MeaningQuestion() {
    }

    /** Whether {@code question} asks what {@code form} (a short form as the question writes it) means. */
    static boolean asksAbout(String question, String form) {
        String f = Pattern.quote(form);
        return Pattern.compile("\\bwhat(?:'s|\\s+is|\\s+are|\\s+does)\\s+(?:an?\\s+|the\\s+)?" + f + "s?\\b(?!\\s+[\\p{L}\\d])"
                        + "|\\bwhat\\s+does\\s+(?:an?\\s+|the\\s+)?" + f + "\\s+(?:stand\\s+for|mean)\\b"
                        + "|\\b" + f + "\\b[^?.!]*?\\b(?:what(?:'s|\\s+is|\\s+does)\\s+(?:that|it|this)(?:\\s+mean)?|stand\\s+for|mean)\\s*(?:\\?|$)"
                        // "3DS?": the short form alone
                        + "|^\\W*" + f + "\\s*\\?+\\s*$",
                Pattern.CASE_INSENSITIVE).matcher(question).find();
    }
}
