package io.resolvehub.eval;

import io.resolvehub.core.Answer;
import io.resolvehub.core.Citation;
import io.resolvehub.core.Decision;
import io.resolvehub.core.HandoffReason;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a reply is right, as a user would judge it:
 * <ul>
 *   <li>an answerable question: the decision is {@code answer}, a citation names a gold document, and the text holds
 *   what was asked: at least {@value #SENTENCE_SHARE} of the content words of at least one gold sentence (clapnq), or
 *   one alternative of every {@code must_contain} group (help center); mtrag_cloud has no such key, so there the
 *   token recall against its reference answer is reported instead;</li>
 *   <li>a question the documents do not answer: any decision but {@code answer};</li>
 *   <li>a request for a person: a hand-off for {@code user_request}.</li>
 * </ul>
 */
final class Judge {

    static final double SENTENCE_SHARE = 0.6;
    private static final Pattern WORD = Pattern.compile("[a-z0-9]+");
    private static final Set<String> STOP = Set.of(("a an the of to in on for and or is are was were be been it this that with as by "
            + "at from do does did how what which who whom when where why can could should would will i you we they he she my our "
            + "your their its if not no yes there here than then so such into about also may might").split(" "));

    record Verdict(boolean answered, boolean citesGold, boolean holdsContent, double contentRecall, boolean correct) {
    }

    private Judge() {
    }

    static Verdict judge(EvalSet.Question q, Answer answer) {
        boolean answered = answer.decision() == Decision.ANSWER;
        return switch (q.kind()) {
            case NOT_ANSWERABLE -> new Verdict(answered, false, false, 0, !answered);
            case PERSON -> new Verdict(answered, false, false, 0,
                    answer.decision() == Decision.HANDOFF && answer.reason() == HandoffReason.USER_REQUEST);
            case ANSWERABLE -> answerable(q, answer, answered);
        };
    }

    private static Verdict answerable(EvalSet.Question q, Answer answer, boolean answered) {
        boolean citesGold = answer.citations().stream().map(Citation::url).map(EvalCorpus::docOf).anyMatch(q.goldDocs()::contains);
        String text = answer.text();
        boolean holds;
        double recall;
        if (!q.mustContain().isEmpty()) {
            long matched = q.mustContain().stream().filter(group -> group.stream().anyMatch(alt -> containsIgnoringCase(text, alt))).count();
            holds = matched == q.mustContain().size();
            recall = (double) matched / q.mustContain().size();
        } else if (!q.goldSentences().isEmpty()) {
            recall = q.goldSentences().stream().mapToDouble(s -> share(words(s), words(text))).max().orElse(0);
            holds = recall >= SENTENCE_SHARE;
        } else {
            recall = q.reference() == null ? 0 : share(words(q.reference()), words(text));
            holds = true;   // no key to judge the content by: answered and citing gold is what can be checked
        }
        return new Verdict(answered, citesGold, holds, answered ? recall : 0, answered && citesGold && holds);
    }

    static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        Matcher m = WORD.matcher(text == null ? "" : text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            if (!STOP.contains(m.group())) {
                words.add(m.group());
            }
        }
        return words;
    }

    private static double share(Set<String> wanted, Set<String> present) {
        return wanted.isEmpty() ? 0 : wanted.stream().filter(present::contains).count() / (double) wanted.size();
    }

    private static boolean containsIgnoringCase(String text, String part) {
        return text.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT));
    }
}
