package io.resolvehub.agent.answer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Words users and help centers use for the same thing in support talk: a user "cancels" an envelope the docs "void",
 * asks for "money back" where the docs say "refund", "didn't receive" what the docs say "does not arrive". Read from
 * {@code support-synonyms.txt} beside this class: one group of interchangeable words or phrases per line.
 */
final class SupportSynonyms {

    private static final String RESOURCE = "support-synonyms.txt";
    private static final List<List<Set<String>>> GROUPS = load();

    private SupportSynonyms() {
    }

    /**
     * For each of {@code terms} (a question's stems) that belongs to a group, the other members of its groups as stem
     * sets: a document naming all stems of one of them says the same thing. A phrase of the question ("money back")
     * counts for each of its words.
     */
    static Map<String, List<Set<String>>> of(Set<String> terms) {
        Map<String, List<Set<String>>> synonyms = new HashMap<>();
        for (List<Set<String>> group : GROUPS) {
            for (Set<String> member : group) {
                if (member.isEmpty() || !terms.containsAll(member)) {
                    continue;
                }
                for (Set<String> other : group) {
                    if (other != member) {
                        member.forEach(term -> synonyms.computeIfAbsent(term, t -> new ArrayList<>()).add(other));
                    }
                }
            }
        }
        return synonyms;
    }

    private static List<List<Set<String>>> load() {
        try (InputStream in = SupportSynonyms.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            List<List<Set<String>>> groups = new ArrayList<>();
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                List<Set<String>> group = new ArrayList<>();
                for (String phrase : line.split(",")) {
                    Set<String> stems = new LinkedHashSet<>(Terms.of(phrase));
                    if (!stems.isEmpty()) {
                        group.add(stems);
                    }
                }
                groups.add(List.copyOf(group));
            }
            return List.copyOf(groups);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
