package io.resolvehub.agent.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Picks the exact sentences or steps of a passage that answer a question. A passage is cut into units: a whole list
 * (numbered steps are never split) or one sentence. The unit that covers most question words wins; a list comes with
 * its introducing sentence ("To reset your password:"), a sentence with the one after it when that continues the
 * thought. Nothing is paraphrased: the answer is a verbatim excerpt.
 */
final class PassageSelector {

    private static final Pattern LIST_LINE = Pattern.compile("^\\s*(\\d{1,3}[.)]|[-*•])\\s+.*");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[\"'(\\[]?[A-Z0-9])");
    private static final Set<String> PROCEDURAL = Set.of("how", "steps", "step", "set", "setup", "configure", "enable",
            "disable", "change", "reset", "create", "add", "remove", "delete", "install", "connect", "update", "cancel");
    private static final int MAX_WORDS = 120;

    record Unit(String text, boolean list) {
    }

    private PassageSelector() {
    }

    static List<Unit> units(String passage) {
        List<Unit> units = new ArrayList<>();
        StringBuilder list = new StringBuilder();
        for (String line : passage.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            if (LIST_LINE.matcher(line).matches()) {
                list.append(list.isEmpty() ? "" : "\n").append(line.stripTrailing());
                continue;
            }
            if (!list.isEmpty()) {
                units.add(new Unit(list.toString(), true));
                list.setLength(0);
            }
            for (String sentence : SENTENCE_END.split(line.strip())) {
                if (!sentence.isBlank()) {
                    units.add(new Unit(sentence.strip(), false));
                }
            }
        }
        if (!list.isEmpty()) {
            units.add(new Unit(list.toString(), true));
        }
        return units;
    }

    /** The verbatim excerpt of {@code passage} that best answers a question with these content words. */
    static String select(String passage, Set<String> questionTerms, String question) {
        List<Unit> units = units(passage);
        if (units.isEmpty()) {
            return passage.strip();
        }
        boolean procedural = java.util.Arrays.stream(question.toLowerCase(java.util.Locale.ROOT).split("\\W+")).anyMatch(PROCEDURAL::contains);
        int best = -1;
        double bestScore = 0;
        for (int i = 0; i < units.size(); i++) {
            Unit unit = units.get(i);
            Set<String> present = Terms.of(unit.text());
            double score = questionTerms.stream().filter(present::contains).count();
            if (unit.list() && procedural) {
                score += 1.5;   // "how do I…" is answered by the steps, not by a sentence that mentions the topic
            }
            if (i + 1 < units.size() && units.get(i + 1).list() && unit.text().endsWith(":")) {
                Set<String> following = Terms.of(units.get(i + 1).text());
                score += 0.5 * questionTerms.stream().filter(following::contains).count();
            }
            if (score > bestScore) {
                bestScore = score;
                best = i;
            }
        }
        if (best < 0) {
            best = 0;   // nothing matches word for word (the match was semantic): the passage's opening
        }
        List<String> picked = new ArrayList<>();
        Unit chosen = units.get(best);
        boolean hasList = chosen.list();
        if (chosen.list()) {
            if (best > 0 && units.get(best - 1).text().endsWith(":")) {
                picked.add(units.get(best - 1).text());
            }
            picked.add(chosen.text());
        } else {
            picked.add(chosen.text());
            if (best + 1 < units.size()) {
                Unit next = units.get(best + 1);
                boolean introducesList = next.list() && chosen.text().endsWith(":");
                if (introducesList || (!next.list() && words(chosen.text()) + words(next.text()) <= 60)) {
                    picked.add(next.text());
                    hasList = next.list();
                }
            }
        }
        String excerpt = String.join(hasList ? "\n" : " ", picked);
        return words(excerpt) > MAX_WORDS && !hasList ? chosen.text() : excerpt;
    }

    private static int words(String text) {
        return text.isBlank() ? 0 : text.strip().split("\\s+").length;
    }
}
