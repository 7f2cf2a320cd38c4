package io.resolvehub.agent.answer;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A question's content words as the tenant's documents spell them, with how telling each one is.
 *
 * @param own          stems of the user's latest message, misspellings replaced by the tenant's own spelling
 * @param carried      stems of earlier user turns carried into the query
 * @param counted      the terms a passage must cover: {@code own}, and for a terse follow-up the carried ones too
 * @param alternatives for a short form the documents define, the stems of its long form ("sso" → sign, singl, on):
 *                     either form counts as present
 * @param weights      inverse chunk frequency of each own term in the tenant's knowledge (rare words tell more)
 * @param unknown      own terms that no chunk of the tenant holds, in any form
 * @param generic      counted terms any question uses whatever it is about ("how *long*", "is it still *good*"): a
 *                     passage need not use them to answer, so they count {@value #GENERIC_SHARE} of their weight in its
 *                     coverage (a help center that seldom writes "good" must not make "how long is the reset link good
 *                     for?" look half unanswered by "Reset links are valid for 45 minutes.")
 * @param synonyms     for a term of a {@link SupportSynonyms} group, the stems of the group's other members: a passage
 *                     naming one of them says it too ("cancel" an envelope the docs "void")
 * @param everyday     unknown terms the user wrote as an everyday word ({@link EverydayWords}: "winter", "mistake"): the
 *                     user's own way of saying something more often than a thing the documents never mention, so they
 *                     count {@value #EVERYDAY_SHARE} of their weight as unknown
 */
record QuestionTerms(Set<String> own, Set<String> carried, Set<String> counted, Map<String, Set<String>> alternatives,
                     Map<String, Double> weights, Set<String> unknown, Set<String> generic,
                     Map<String, List<Set<String>>> synonyms, Set<String> everyday) {

    private static final double GENERIC_SHARE = 0.25;
    static final double EVERYDAY_SHARE = 0.5;

    /** Terms as written, every one weighing the same (no knowledge to weigh them by). */
    static QuestionTerms plain(Set<String> own, Set<String> carried) {
        return new QuestionTerms(own, carried, own, Map.of(), Map.of(), Set.of(), Set.of(), Map.of(), Set.of());
    }

    /** These terms narrowed to {@code stems} (those the question says), or unchanged when it says none of them. */
    QuestionTerms about(Set<String> stems) {
        Set<String> narrowed = new HashSet<>(own);
        narrowed.retainAll(stems);
        if (narrowed.isEmpty()) {
            return this;
        }
        Set<String> unknownOfThem = new HashSet<>(unknown);
        unknownOfThem.retainAll(narrowed);
        return new QuestionTerms(narrowed, Set.of(), narrowed, alternatives, weights, unknownOfThem, Set.of(), synonyms,
                everyday);
    }

    /** Whether {@code term} (or one of its alternatives, or a synonym) is among {@code present}. */
    boolean found(String term, Set<String> present) {
        if (present.contains(term)) {
            return true;
        }
        Set<String> alt = alternatives.get(term);
        if (alt != null && !alt.isEmpty() && present.containsAll(alt)) {
            return true;
        }
        return synonyms.getOrDefault(term, List.of()).stream().anyMatch(present::containsAll);
    }

    /** The words the conversation has already said, latest message and carried turns: a name among them is no answer. */
    Set<String> named() {
        Set<String> named = new HashSet<>(own);
        named.addAll(carried);
        return named;
    }

    double weight(String term) {
        return weights.getOrDefault(term, 1.0);
    }

    /** The weighted share of own terms found among {@code present}; 0 when there are none. */
    double coverage(Set<String> present) {
        double total = 0;
        double found = 0;
        for (String term : counted) {
            double evidence = generic.contains(term) ? GENERIC_SHARE * weight(term) : weight(term);
            total += evidence;
            found += found(term, present) ? evidence : 0;
        }
        return total == 0 ? 0 : found / total;
    }

    /** The weighted share of own terms the tenant's knowledge never holds. */
    double unknownShare() {
        double total = counted.stream().mapToDouble(this::weight).sum();
        double unknownWeight = unknown.stream().mapToDouble(t -> (everyday.contains(t) ? EVERYDAY_SHARE : 1) * weight(t)).sum();
        return total == 0 ? 0 : unknownWeight / total;
    }
}
