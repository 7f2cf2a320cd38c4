package io.resolvehub.agent.answer;

import io.resolvehub.agent.KnowledgeIndex;
import io.resolvehub.agent.SearchHit;
import io.resolvehub.agent.SearchMode;
import io.resolvehub.agent.SearchQuery;
import io.resolvehub.core.TenantId;

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
    private static final int DEFINITION_HITS = 5;

    private final KnowledgeIndex index;

    QuestionReader(KnowledgeIndex index) {
        this.index = index;
    }

    /**
     * The question's terms, the extra words retrieval should search for (corrections, long forms), and, when the question
     * asks what a short form the documents define means ("what is a QES?"), the passage that defines it (else null).
     */
    record Reading(QuestionTerms terms, String searchAddition, Definition definition) {
    }

    Reading read(TenantId tenant, StandaloneQuery query) {
        Set<String> own = Terms.of(query.question());
        Set<String> carried = Terms.of(String.join(" ", query.carried()));
        StringBuilder addition = new StringBuilder();
        Set<String> spellable = union(own, carried);
        spellable.removeIf(COMMON_SHORT_FORMS::containsKey);
        Map<String, String> corrections = index.spellingSuggestions(tenant, spellable);
        own = replace(own, corrections);
        carried = replace(carried, corrections);
        corrections.values().forEach(c -> addition.append(' ').append(c));
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
            }
        }
        Set<String> longForms = new LinkedHashSet<>();
        alternatives.values().forEach(longForms::addAll);
        longForms.removeAll(frequencies.keySet());
        frequencies.putAll(index.chunkFrequencies(tenant, longForms));
        long chunks = Math.max(1, index.count(tenant));
        Map<String, Double> weights = new LinkedHashMap<>();
        Set<String> unknown = new LinkedHashSet<>();
        for (String term : counted) {
            long df = frequencies.getOrDefault(term, 0L);
            Set<String> alt = alternatives.getOrDefault(term, Set.of());
            if (df == 0 && !alt.isEmpty()) {
                df = alt.stream().mapToLong(a -> frequencies.getOrDefault(a, 0L)).min().orElse(0);
            }
            if (df == 0 && !GENERIC.contains(term)) {
                unknown.add(term);
            }
            weights.put(term, Math.log(1 + (double) chunks / (1 + df)));
        }
        Set<String> generic = new LinkedHashSet<>(counted);
        generic.retainAll(GENERIC);
        QuestionTerms terms = new QuestionTerms(own, carried, counted, alternatives, weights, unknown, generic);
        Definition asked = defined.entrySet().stream().filter(d -> MeaningQuestion.asksAbout(query.question(), d.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        return new Reading(terms, addition.toString().strip(), asked);
    }

    /** A short form ("QES"), its long form ("qualified electronic signature") and the passage that gives it. */
    record Definition(String form, String longForm, SearchHit passage) {
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
            Definition definition = definition(tenant, form);
            if (definition != null) {
                forms.put(form, definition.longForm());
                defined.put(form, definition);
            }
        }
        return forms;
    }

    /** The long form the tenant's documents give a short form, as "single sign-on (SSO)" or "SSO (single sign-on)". */
    private Definition definition(TenantId tenant, String form) {
        String quoted = Pattern.quote(form);
        Pattern before = Pattern.compile("((?:[\\p{L}][\\p{L}'-]*\\s+){0,5}[\\p{L}][\\p{L}'-]*)\\s*\\(\\s*" + quoted + "s?\\s*\\)",
                Pattern.CASE_INSENSITIVE);
        Pattern after = Pattern.compile("\\b" + quoted + "\\s*(?:\\(|:|—|–|-|\\bstands for\\b|\\bmeans\\b)\\s*([\\p{L}][\\p{L}' -]{3,60}?)[).,;\\n]",
                Pattern.CASE_INSENSITIVE);
        List<SearchHit> hits = index.search(new SearchQuery(tenant, form, null, DEFINITION_HITS, SearchMode.BM25));
        // An entry that opens with the short form ("TOIL (time off in lieu): …", a glossary's way) defines it best; an
        // article that spells it out in passing ("time off in lieu (TOIL)") is the next best.
        for (SearchHit hit : hits) {
            Matcher a = after.matcher(hit.text());
            while (a.find()) {
                if (opensLine(hit.text(), a.start()) && byInitials(a.group(1), form) != null) {
                    return new Definition(form, a.group(1).strip(), hit);
                }
            }
        }
        for (SearchHit hit : hits) {
            Matcher b = before.matcher(hit.text());
            if (b.find()) {
                String initialsMatch = byInitials(b.group(1), form);
                if (initialsMatch != null) {
                    return new Definition(form, initialsMatch, hit);
                }
            }
            Matcher a = after.matcher(hit.text());
            if (a.find() && byInitials(a.group(1), form) != null) {
                return new Definition(form, a.group(1).strip(), hit);
            }
        }
        return null;
    }

    /** Whether nothing but markup ("- ", "**") precedes {@code at} on its line. */
    private static boolean opensLine(String text, int at) {
        for (int i = at - 1; i >= 0 && text.charAt(i) != '\n'; i--) {
            if (Character.isLetterOrDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The shortest tail of {@code words} that spells the short form: by the words' initials ("two-factor authentication"
     * for 2FA), else with letters inside words too, in order, the first one starting a word ("timestamp authority" for
     * TSA, "DomainKeys Identified Mail" for DKIM; the rule of Schwartz and Hearst's abbreviation finder).
     */
    static String byInitials(String words, String form) {
        String letters = form.replaceAll("[^A-Za-z]", "").toLowerCase(java.util.Locale.ROOT);
        String[] parts = words.strip().split("\\s+");
        for (int start = parts.length - 1; start >= 0; start--) {
            StringBuilder initials = new StringBuilder();
            for (int i = start; i < parts.length; i++) {
                for (String piece : parts[i].split("-")) {
                    if (!piece.isEmpty()) {
                        initials.append(Character.toLowerCase(piece.charAt(0)));
                    }
                }
            }
            if (initials.toString().endsWith(letters) && initials.length() <= letters.length() + 1) {
                return String.join(" ", java.util.Arrays.copyOfRange(parts, start, parts.length));
            }
        }
        for (int start = parts.length - 1; start >= 0 && parts.length - start <= letters.length(); start--) {
            String tail = String.join(" ", java.util.Arrays.copyOfRange(parts, start, parts.length));
            if (spelledWithin(tail.toLowerCase(java.util.Locale.ROOT), letters)) {
                return tail;
            }
        }
        return null;
    }

    /**
     * Whether {@code letters} occur in {@code phrase} in order, the first one starting it and every word giving at least
     * one.
     */
    private static boolean spelledWithin(String phrase, String letters) {
        String[] words = phrase.split("[\\s-]+");
        return !letters.isEmpty() && !words[0].isEmpty() && words[0].charAt(0) == letters.charAt(0)
                && spells(words, letters, 1, 0, 1, true);
    }

    /** Whether {@code letters} from {@code l} on can be found from character {@code i} of word {@code w} on. */
    private static boolean spells(String[] words, String letters, int l, int w, int i, boolean wordGaveOne) {
        if (l == letters.length()) {
            return w == words.length - 1 && wordGaveOne;
        }
        for (int j = words[w].indexOf(letters.charAt(l), i); j >= 0; j = words[w].indexOf(letters.charAt(l), j + 1)) {
            if (spells(words, letters, l + 1, w, j + 1, true)) {
                return true;
            }
        }
        return wordGaveOne && w + 1 < words.length && spells(words, letters, l, w + 1, 0, false);
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
