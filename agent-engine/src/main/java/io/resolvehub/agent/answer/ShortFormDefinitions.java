package io.resolvehub.agent.answer;

import io.resolvehub.agent.KnowledgeIndex;
import io.resolvehub.agent.SearchHit;
import io.resolvehub.agent.SearchMode;
import io.resolvehub.agent.SearchQuery;
import io.resolvehub.core.TenantId;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the long form the tenant's documents give a short form ("single sign-on (SSO)", "TOIL (time off in lieu): …"),
 * and the passage that gives it, among the passages that name the short form.
 */
final class ShortFormDefinitions {

    private static final int DEFINITION_HITS = 5;

    private final KnowledgeIndex index;

    ShortFormDefinitions(KnowledgeIndex index) {
        this.index = index;
    }

    /** A short form ("QES"), its long form ("qualified electronic signature") and the passage that gives it. */
    record Definition(String form, String longForm, SearchHit passage) {
    }

    /** The long form the tenant's documents give a short form, as "single sign-on (SSO)" or "SSO (single sign-on)". */
    Definition find(TenantId tenant, String form) {
        String quoted = Pattern.quote(form);
        Pattern before = Pattern.compile("((?:[\\p{L}][\\p{L}'-]*\\s+){0,5}[\\p{L}][\\p{L}'-]*)\\s*\\(\\s*" + quoted + "s?\\s*\\)",
                Pattern.CASE_INSENSITIVE);
        Pattern after = Pattern.compile("\\b" + quoted + "\\s*(?:\\(|:|—|–|-|\\||\\bstands for\\b|\\bmeans\\b)\\s*"
                + "([\\p{L}\\d][\\p{L}\\d' -]{3,60}?)[).,;:|\\n]", Pattern.CASE_INSENSITIVE);
        List<SearchHit> hits = index.search(new SearchQuery(tenant, form, null, DEFINITION_HITS, SearchMode.BM25));
        // An entry that opens with the short form ("TOIL (time off in lieu): …", a glossary's way) defines it best; an
        // article that spells it out in passing ("time off in lieu (TOIL)") is the next best.
        for (SearchHit hit : hits) {
            Matcher a = after.matcher(hit.text());
            while (a.find()) {
                boolean spelledOut = byInitials(a.group(1), form) != null || entryNames(a.group(1), form);
                if (opensLine(hit.text(), a.start()) && spelledOut) {
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

    /**
     * Whether the long form a glossary entry opening with the short form gives is one: words that start as the short form
     * does, though not by every initial ("JIT | Just-in-time provisioning: …", "TOTP | Time-based one-time password").
     */
    private static boolean entryNames(String longForm, String form) {
        String[] words = longForm.strip().split("\\s+");
        return words.length >= 2 && Character.toLowerCase(words[0].charAt(0)) == Character.toLowerCase(form.charAt(0));
    }

    /** Whether nothing but markup ("- ", "**", "| ") precedes {@code at} on its line. */
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
}
