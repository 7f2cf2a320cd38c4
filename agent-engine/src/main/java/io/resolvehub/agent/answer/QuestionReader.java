package io.resolvehub.agent.answer;

import io.resolvehub.agent.KnowledgeIndex;
import io.resolvehub.agent.answer.ShortFormDefinitions.Definition;
import io.resolvehub.core.TenantId;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a question against the tenant's own vocabulary, so the way users type does not cost them the answer:
 * misspelt words take the documents' spelling ("pasword" → password), short forms take the long form the documents
 * define ("SSO" → "single sign-on (SSO)") or a common one ("pw" → password) when the documents use that instead, and
 * every word gets a weight from how rare it is in the tenant's knowledge. A word no document holds in any form stays
 * unknown: the best evidence that the documents don't answer.
 */
final class QuestionReader {

    /** Short forms users type that documents usually spell out. */
    private static final Map<String, String> COMMON_SHORT_FORMS = Map.ofEntries(
            Map.entry("pw", "password"), Map.entry("pwd", "password"), Map.entry("passwd", "password"),
            Map.entry("acct", "account"), Map.entry("acc", "account"), Map.entry("msg", "message"), Map.entry("msgs", "messages"),
            Map.entry("2fa", "two-factor authentication"), Map.entry("mfa", "multi-factor authentication"),
            Map.entry("sso", "single sign-on"), Map.entry("org", "organization"), Map.entry("info", "information"),
            Map.entry("sub", "subscription"), Map.entry("subs", "subscription"), Map.entry("notif", "notification"),
            Map.entry("notifs", "notifications"), Map.entry("config", "configuration"), Map.entry("admin", "administrator"),
            Map.entry("pic", "picture"), Map.entry("pics", "pictures"), Map.entry("docs", "documents"), Map.entry("doc", "document"),
            Map.entry("app", "application"), Map.entry("num", "number"), Map.entry("addr", "address"), Map.entry("approx", "approximately"),
            Map.entry("dl", "download"), Map.entry("ul", "upload"), Map.entry("mins", "minutes"), Map.entry("hrs", "hours"),
            Map.entry("yr", "year"), Map.entry("mo", "month"), Map.entry("biz", "business"), Map.entry("w/", "with"),
            Map.entry("ppl", "people"), Map.entry("max", "maximum"), Map.entry("u", "you"), Map.entry("ur", "your"),
            Map.entry("amex", "american express"), Map.entry("qty", "quantity"), Map.entry("w/o", "without"));
    /**
     * Words a question uses whatever it is about ("how long do refunds *take*", "is the link still *good*"): documents
     * need not use them, so their absence says little about whether the documents answer: they are never unknown, and
     * count little in a passage's coverage of the question ({@link QuestionTerms#generic()}).
     */
    private static final Set<String> GENERIC = Terms.of(String.join(" ", List.of("take takes took taking work works worked happen",
            "happens happened mean means make makes made go goes going went come comes see find look keep give put say",
            "long much many often soon possible way thing best good right wrong actually really exactly usually still",
            "ever never always someone something anyone anything everyone everything time times day days old new",
            "start stop try tried trying problem issue question work show tell send sent early late big large far")));
    private static final Pattern SHORT_FORM = Pattern.compile("\\b(?:[A-Z][A-Z0-9]{1,5}|[0-9][A-Za-z]{1,4}|[A-Za-z]{1,4}[0-9])\\b");

    private final KnowledgeIndex index;
    private final ShortFormDefinitions definitions;

    QuestionReader(KnowledgeIndex index) {
        this.index = index;
        this.definitions = new ShortFormDefinitions(index);
    }

    /**
     * The question's terms, the extra words retrieval should search for (corrections, long forms, the documents' word for
     * one they never use), the corrections and long forms alone (the search by meaning reads the question with them:
     * MiniLM knows "password", not "pw"; a thesaurus neighbour would pull a question the documents do not answer toward
     * one they do), and, when the question asks what a short form the documents define means ("what is a QES?"), the
     * passage that defines it (else null).
     */
    record Reading(QuestionTerms terms, String searchAddition, String respelling, Definition definition) {
    }

    Reading read(TenantId tenant, StandaloneQuery query) {
        Set<String> own = Terms.of(query.question());
        Set<String> carried = Terms.of(String.join(" ", query.carried()));
        StringBuilder addition = new StringBuilder();
        Set<String> spellable = union(own, carried);
        spellable.removeIf(COMMON_SHORT_FORMS::containsKey);
        // an everyday word of any question ("how *much*", "how *long*") is spelt right even when the documents never use
        // it: corrected to their nearest word ("must", "log") it would search for, and be judged on, a word never asked
        spellable.removeAll(GENERIC);
        Map<String, String> corrections = index.spellingSuggestions(tenant, spellable);
        own = replace(own, corrections);
        carried = replace(carried, corrections);
        corrections.values().forEach(c -> addition.append(' ').append(c));
        StringBuilder respelling = new StringBuilder(addition);
        Set<String> counted = own.size() >= 2 ? own : union(own, carried);
        Map<String, Long> frequencies = new HashMap<>(index.chunkFrequencies(tenant, counted));
        Map<String, Set<String>> alternatives = new HashMap<>();
        Map<String, Definition> defined = new LinkedHashMap<>();
        for (Map.Entry<String, String> form : shortForms(tenant, query.question(), frequencies, defined).entrySet()) {
            Set<String> shortStems = Terms.of(form.getKey());
            Set<String> longStems = Terms.of(form.getValue());
            if (shortStems.size() == 1 && !longStems.isEmpty()) {
                alternatives.put(shortStems.iterator().next(), longStems);
                addition.append(' ').append(form.getValue());
                respelling.append(' ').append(form.getValue());
            }
        }
        Map<String, List<Set<String>>> synonyms = SupportSynonyms.of(union(own, carried));
        // Synonyms are looked up in the index only for a word the documents never use: counting common words over a
        // large knowledge base costs milliseconds the ask latency budget does not have.
        Set<String> otherWords = new LinkedHashSet<>();
        alternatives.values().forEach(otherWords::addAll);
        counted.stream().filter(t -> frequencies.getOrDefault(t, 0L) == 0)
                .forEach(t -> synonyms.getOrDefault(t, List.of()).forEach(otherWords::addAll));
        otherWords.removeAll(frequencies.keySet());
        if (!otherWords.isEmpty()) {
            frequencies.putAll(index.chunkFrequencies(tenant, otherWords));
        }
        long chunks = Math.max(1, index.count(tenant));
        Map<String, Double> weights = new LinkedHashMap<>();
        Set<String> unknown = new LinkedHashSet<>();
        for (String term : counted) {
            long df = frequencies.getOrDefault(term, 0L);
            Set<String> alt = alternatives.getOrDefault(term, Set.of());
            if (df == 0 && !alt.isEmpty()) {
                df = alt.stream().mapToLong(a -> frequencies.getOrDefault(a, 0L)).min().orElse(0);
            }
            // a word the documents say otherwise ("money back" for "refund") is known
            List<Set<String>> usedSynonyms = df > 0 ? List.of() : synonyms.getOrDefault(term, List.of()).stream()
                    .filter(other -> other.stream().allMatch(o -> frequencies.getOrDefault(o, 0L) > 0)).toList();
            boolean saidOtherwise = !usedSynonyms.isEmpty();
            // retrieval looks for the documents' own word for a word they never use ("money back" finds "refund")
            usedSynonyms.forEach(other -> addition.append(' ').append(String.join(" ", other)));
            if (df == 0 && !GENERIC.contains(term) && !saidOtherwise) {
                unknown.add(term);
            }
            weights.put(term, Math.log(1 + (double) chunks / (1 + df)));
        }
        Set<String> generic = new LinkedHashSet<>(counted);
        generic.retainAll(GENERIC);
        QuestionTerms terms = new QuestionTerms(own, carried, counted, alternatives, weights, unknown, generic, synonyms,
                everyday(query.question(), unknown));
        // "the SSO page talks about JIT, what's that?" asks about the short form nearest the asking, the last one
        Definition asked = defined.entrySet().stream().filter(d -> MeaningQuestion.asksAbout(query.question(), d.getKey()))
                .max(Comparator.comparingInt(d -> query.question().lastIndexOf(d.getKey())))
                .map(Map.Entry::getValue).orElse(null);
        return new Reading(terms, addition.toString().strip(), respelling.toString().strip(), asked);
    }

    /** The {@code unknown} stems the question writes as an everyday word ({@link EverydayWords}). */
    private static Set<String> everyday(String question, Set<String> unknown) {
        Set<String> everyday = new LinkedHashSet<>();
        for (String word : question.split("[^\\p{L}]+")) {
            Set<String> stems = Terms.of(word);
            if (stems.size() == 1 && unknown.containsAll(stems) && EverydayWords.is(word)) {
                everyday.addAll(stems);
            }
        }
        return everyday;
    }

    /**
     * Short forms in the question with their long form: the one the tenant's documents define, else a common one when
     * the documents never use the short form itself.
     */
    private Map<String, String> shortForms(TenantId tenant, String question, Map<String, Long> frequencies,
                                           Map<String, Definition> defined) {
        Map<String, String> forms = new LinkedHashMap<>();
        for (String word : question.split("[^\\p{L}\\p{N}/]+")) {
            String common = COMMON_SHORT_FORMS.get(word.toLowerCase(java.util.Locale.ROOT));
            Set<String> stems = Terms.of(word);
            boolean unused = stems.stream().allMatch(t -> frequencies.getOrDefault(t, 0L) == 0);
            if (common != null && unused) {
                forms.put(word, common);
            }
        }
        Matcher m = SHORT_FORM.matcher(question);
        while (m.find()) {
            String form = m.group();
            Definition definition = definitions.find(tenant, form);
            if (definition != null) {
                forms.put(form, definition.longForm());
                defined.put(form, definition);
            }
        }
        return forms;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }

    private static Set<String> replace(Set<String> terms, Map<String, String> corrections) {
        Set<String> replaced = new LinkedHashSet<>();
        terms.forEach(t -> replaced.add(corrections.getOrDefault(t, t)));
        return replaced;
    }
}
