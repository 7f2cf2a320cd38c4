package io.resolvehub.insights;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names topics by their most characteristic terms (class-based TF-IDF): a term scores by the share of the topic's
 * questions that use it times how rare it is among all the period's questions, so "password" names the password topic
 * while words every question shares name none. Terms are counted by stem and shown in the form customers wrote most.
 * One instance per report (it caches stems); not thread-safe.
 */
final class TopicLabels {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’][\\p{L}]+)?");
    private static final int TERMS = 3;

    private final WordStems stems;
    private final Map<String, Optional<String>> stemCache = new HashMap<>();
    private final Map<String, Integer> documentFrequency = new HashMap<>();
    private int documents;

    /** @param corpus every question of the period, so rarity is measured against all of them */
    TopicLabels(WordStems stems, Collection<String> corpus) {
        this.stems = stems;
        for (String question : corpus) {
            documents++;
            termsOf(question).keySet().forEach(stem -> documentFrequency.merge(stem, 1, Integer::sum));
        }
    }

    /** Up to three terms, most characteristic first, joined by ", "; "other questions" when none stands out. */
    String label(List<String> questions) {
        Map<String, Integer> frequency = new HashMap<>();
        Map<String, Map<String, Integer>> forms = new HashMap<>();
        for (String question : questions) {
            termsOf(question).forEach((stem, form) -> {
                frequency.merge(stem, 1, Integer::sum);
                forms.computeIfAbsent(stem, s -> new HashMap<>()).merge(form, 1, Integer::sum);
            });
        }
        int minimum = questions.size() >= 3 ? 2 : 1; // a word only one of many questions uses names nothing
        List<String> best = frequency.entrySet().stream()
                .filter(e -> e.getValue() >= minimum)
                .sorted(Comparator.comparingDouble((Map.Entry<String, Integer> e) -> -score(e.getValue(), questions.size(), e.getKey()))
                        .thenComparing(Map.Entry::getKey))
                .limit(TERMS)
                .map(e -> mostUsed(forms.get(e.getKey())))
                .toList();
        return best.isEmpty() ? "other questions" : String.join(", ", best);
    }

    private double score(int frequency, int size, String stem) {
        int df = Math.max(1, documentFrequency.getOrDefault(stem, 1));
        return (frequency / (double) size) * Math.log(1 + Math.max(documents, 1) / (double) df);
    }

    /** The question's content terms: stem → the word as written (lower case). */
    private Map<String, String> termsOf(String question) {
        Map<String, String> terms = new LinkedHashMap<>();
        Matcher words = WORD.matcher(question.toLowerCase(Locale.ROOT));
        while (words.find()) {
            String word = words.group();
            stemCache.computeIfAbsent(word, stems::stem).ifPresent(stem -> terms.putIfAbsent(stem, word));
        }
        return terms;
    }

    private static String mostUsed(Map<String, Integer> forms) {
        return forms.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(Map.Entry::getKey).orElseThrow();
    }

    /** Distinct texts, newest first, at most {@code limit}. */
    static List<String> examples(List<AskedQuestion> questions, int limit) {
        Set<String> seen = new LinkedHashSet<>();
        for (int i = questions.size() - 1; i >= 0 && seen.size() < limit; i--) {
            seen.add(questions.get(i).question().strip());
        }
        return List.copyOf(seen);
    }
}
