package io.resolvehub.agent.llm;

import io.resolvehub.agent.TextTerms;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rejects a generated answer that says more than its cited passages: every sentence must have most of its content
 * words (stemmed) in the passages it relies on, and every number in it must appear there verbatim. A model that
 * invents "90 days" or a feature the docs never mention fails; a faithful paraphrase passes.
 */
final class GroundingCheck {

    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,:]\\d+)*");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+|\\n+");
    private final double minSupport;

    public GroundingCheck(double minSupport) {
        this.minSupport = minSupport;
    }

    /** The sentences of {@code answer} the passages do not support; empty when the answer is grounded. */
    public List<String> unsupported(String answer, String passages) {
        Set<String> supported = TextTerms.of(passages);
        List<String> problems = new ArrayList<>();
        for (String sentence : SENTENCE_END.split(answer)) {
            String plain = sentence.replaceAll("\\[\\d+]", "").strip();
            Set<String> terms = TextTerms.of(plain);
            if (terms.size() < 2) {
                continue;   // "Sure!", "Here is how:" carry no claim
            }
            long found = terms.stream().filter(supported::contains).count();
            boolean numbersFound = true;
            Matcher numbers = NUMBER.matcher(plain);
            while (numbers.find()) {
                numbersFound &= passages.contains(numbers.group());
            }
            if (found < minSupport * terms.size() || !numbersFound) {
                problems.add(plain);
            }
        }
        return problems;
    }
}
