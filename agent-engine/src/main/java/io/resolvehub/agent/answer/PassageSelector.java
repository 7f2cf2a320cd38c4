package io.resolvehub.agent.answer;

import io.resolvehub.agent.Embedder;
import io.resolvehub.agent.embed.Vectors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Picks the exact sentences or steps that answer a question from the best passages. Passages are cut into units: a
 * whole numbered list (steps are never split), one bullet, or one sentence. Units are scored lexically (the question's
 * own words count most, words carried from earlier turns a little, a "how do I" question prefers steps). When the
 * question's words do not settle it (the best units are within half a word of each other) they are compared by
 * embedding similarity with the question, because a follow-up like "what if I never got the email?" is matched by
 * meaning ("Didn't get the email? Check your spam folder"); a clear lexical winner costs no model call. What is quoted
 * around the winner is {@link Excerpt}'s to decide. Nothing is paraphrased: the answer is a verbatim excerpt.
 */
final class PassageSelector {

    /** A word carried from an earlier turn points at the topic; within it, the latest message's own words decide. */
    private static final double CARRIED_WEIGHT = 0.1;
    /**
     * ...unless the latest message points back at it: in "how long until changes show up there?" after a question about
     * Google Calendar, "there" is Google Calendar, and the sentence that names it is the answer.
     */
    private static final double REFERRED_WEIGHT = 0.5;
    private static final Pattern REFERS_BACK = Pattern.compile("\\b(?:there|it|its|that|this|them|those|these|they)\\b",
            Pattern.CASE_INSENSITIVE);
    /** A unit naming the word a "what X" question asks about counts as one more matching word. */
    private static final double FOCUS_BONUS = 1.0;
    /** A unit holding the kind of value asked for counts as one more matching word. */
    private static final double TYPE_BONUS = 1.0;
    /** A unit saying what to do when something goes wrong counts as one more matching word for a problem report. */
    private static final double REMEDY_BONUS = 1.0;
    /** A table's header row names the columns; it answers only when no row of it matches by this much more. */
    private static final double HEADER_PENALTY = 1.0;
    /** Units whose lexical scores are this close (half a question word) are a tie, settled by meaning. */
    private static final double CONTEST_MARGIN = 0.5;
    /** At most this many tied units are compared by meaning: with {@link #RESCORE_TOKENS} it bounds the model's work. */
    private static final int RESCORED = 2;
    /**
     * A unit is read by meaning as its heading and its opening: the opening carries its topic, and a code sample or a URL
     * list must not make the whole comparison slow.
     */
    static final int RESCORE_TOKENS = 40;
    /** How far down the lexical ranking a "how do I…" question looks for relevant steps. */
    private static final int STEPS_LOOKAHEAD = 6;

    /** The chosen excerpt and the passage (index into the candidates) it comes from. */
    record Selection(Excerpt quote, int passage) {

        String excerpt() {
            return quote.text();
        }
    }

    private PassageSelector() {
    }

    /**
     * @param passages      candidate passages, best first
     * @param headings      the section heading of each passage ("" when none)
     * @param terms         the question's content words (the user's latest message, and earlier turns carried), weighed
     * @param type          the kind of value the question asks for ({@link AnswerType#asked})
     * @param procedural    whether the question asks how to do something (then steps answer it), see {@link HowToQuestion#is}
     * @param questionVector embedding of the user's latest message, or null to have it embedded only if needed
     */
    static Selection select(List<String> passages, List<String> headings, QuestionTerms terms, String question, AnswerType type,
                            boolean procedural, float[] questionVector, Embedder embedder) {
        Set<String> ownTerms = terms.own();
        Set<String> named = terms.named();
        List<List<Unit>> perPassage = new ArrayList<>();
        List<Unit> all = new ArrayList<>();
        for (int p = 0; p < passages.size(); p++) {
            List<Unit> units = Unit.cut(passages.get(p), p);
            perPassage.add(units);
            all.addAll(units);
        }
        if (all.isEmpty()) {
            return new Selection(Excerpt.of(passages.getFirst().strip()), 0);
        }
        // For a how-to question steps are read with the sentence that introduces them ("If you sign in with a work
        // account:"): that sentence is what tells two step lists of one section apart.
        List<Set<String>> saidBy = all.stream().map(u -> Terms.of((procedural ? introduction(perPassage.get(u.passage()), u) : "") + " "
                + (u.tableHeader() == null ? "" : u.tableHeader() + " ") + u.text())).toList();
        // A question about one fact of a list of steps is asked of the step about it: "how long are invitations valid" is
        // not answered by steps whose value ("the 7-day clock") sits in another step than the invitations they name.
        StepFocus asked = StepFocus.of(procedural, terms, type);
        // A unit is read with its section heading: "Reset a forgotten password" is what makes those steps the answer.
        List<Set<String>> headingTerms = headings.stream().map(Terms::of).toList();
        List<Set<String>> presentIn = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Set<String> present = new HashSet<>(saidBy.get(i));
            present.addAll(headingTerms.get(all.get(i).passage()));
            presentIn.add(present);
        }
        // A typical matching word counts about 1; words found in no unit don't water that down.
        double typicalWeight = ownTerms.stream().filter(t -> presentIn.stream().anyMatch(p -> terms.found(t, p)))
                .mapToDouble(terms::weight).average().orElse(1);
        boolean problem = !procedural && ProblemReport.is(question);
        double carriedWeight = REFERS_BACK.matcher(question).find() ? REFERRED_WEIGHT : CARRIED_WEIGHT;
        // a question asking for a kind of value ("what version of windows…") has its focus in that kind already
        String focus = type == AnswerType.ANY ? FocusWord.of(question, ownTerms) : null;
        CountedThing counted = type == AnswerType.QUANTITY ? CountedThing.of(question, ownTerms) : null;
        double[] lexical = new double[all.size()];
        double[] wordsSaid = new double[all.size()];   // in typical question words: how much of the question a unit itself names
        for (int i = 0; i < all.size(); i++) {
            Unit candidate = all.get(i);
            Set<String> present = presentIn.get(i);
            Set<String> said = saidBy.get(i);
            wordsSaid[i] = ownTerms.stream().filter(t -> terms.found(t, said)).mapToDouble(terms::weight).sum() / typicalWeight;
            double score = ownTerms.stream().filter(t -> terms.found(t, present)).mapToDouble(terms::weight).sum() / typicalWeight
                    + carriedWeight * terms.carried().stream().filter(t -> !ownTerms.contains(t) && present.contains(t)).count();
            // the part of the unit the question asks about, read once for both checks of the value it holds
            String valueIn = type == AnswerType.ANY ? null : asked.of(candidate.text());
            if (valueIn != null && type.carriedBy(valueIn, named)) {
                score += TYPE_BONUS;   // "how long…" is answered by the sentence that holds a duration
            }
            if (counted != null && counted.countedIn(valueIn)) {
                score += TYPE_BONUS;   // "how many envelopes…" by "50 envelopes per month", not "40 recipients per envelope"
            }
            if (focus != null && terms.weight(focus) >= typicalWeight && terms.found(focus, said)) {
                score += FOCUS_BONUS;   // "what columns does the file need" is answered by the unit that names columns
            }
            if (candidate.tableHeader() != null && ownTerms.stream().anyMatch(t -> terms.found(t, Terms.of(firstCell(candidate))))) {
                score += 1;   // a row is about what its first cell names: "Pro | $8…" answers "what does Pro cost"
            }
            if (problem && ProblemReport.remedies(candidate.text())) {
                score += REMEDY_BONUS;   // "reset email never showed up" is answered by "If the email doesn't arrive, …"
            }
            if (procedural && candidate.instructs()) {
                score += 3;   // "how do I…" is answered by the steps, not by a sentence that mentions the topic
            }
            List<Unit> siblings = perPassage.get(candidate.passage());
            if (headsRows(siblings, candidate)) {
                score -= HEADER_PENALTY;   // "Plan | Monthly billing | Yearly billing" names columns; a row holds the value
            }
            if (candidate.position() + 1 < siblings.size() && siblings.get(candidate.position() + 1).steps() && candidate.text().endsWith(":")) {
                Set<String> following = Terms.of(siblings.get(candidate.position() + 1).text());
                score += 0.5 * ownTerms.stream().filter(following::contains).count();
            }
            score -= 0.15 * candidate.passage();   // the retriever's order is evidence too
            lexical[i] = score;
        }
        Integer[] order = new Integer[all.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -lexical[i]).thenComparingInt(i -> i));
        // A "how do I…" question is answered by steps whenever relevant steps are at hand, however well a prose
        // sentence that merely names the topic matches by meaning.
        boolean onlySteps = procedural && Arrays.stream(order).limit(STEPS_LOOKAHEAD).anyMatch(i -> all.get(i).instructs() && lexical[i] >= 3 + 1);
        List<Integer> eligible = Arrays.stream(order).filter(i -> !onlySteps || all.get(i).instructs()).toList();
        List<Integer> contenders = new ArrayList<>();
        for (int i : eligible) {
            if (contenders.size() == RESCORED || lexical[i] < lexical[eligible.getFirst()] - CONTEST_MARGIN) {
                break;
            }
            // The same sentence in two passages (an article in two sources) is one contender, not a tie.
            if (contenders.stream().noneMatch(c -> all.get(c).text().equals(all.get(i).text()))) {
                contenders.add(i);
            }
        }
        int best = contenders.getFirst();
        if (contenders.size() > 1) {
            best = byMeaning(all, headings, lexical, contenders, question, asked, questionVector, embedder);
        }
        Unit chosen = all.get(best);
        int first = all.indexOf(perPassage.get(chosen.passage()).getFirst());
        double[] passageMatches = Arrays.copyOfRange(wordsSaid, first, first + perPassage.get(chosen.passage()).size());
        return new Selection(Excerpt.around(perPassage.get(chosen.passage()), chosen, passageMatches, type, named), chosen.passage());
    }

    /**
     * The unit of {@code passage} that defines {@code form} as {@code longForm} ("**QES** (qualified electronic
     * signature): …"), with its context; the passage's first unit naming the short form if none says both.
     */
    static Selection definitionIn(String passage, String form, String longForm) {
        List<Unit> units = Unit.cut(passage, 0);
        if (units.isEmpty()) {
            return new Selection(Excerpt.of(passage.strip()), 0);
        }
        Pattern shortForm = Pattern.compile("\\b" + Pattern.quote(form) + "\\b", Pattern.CASE_INSENSITIVE);
        String longLower = longForm.toLowerCase(Locale.ROOT);
        Unit chosen = units.stream().filter(u -> shortForm.matcher(u.text()).find() && u.text().toLowerCase(Locale.ROOT).contains(longLower))
                .findFirst()
                .orElse(units.stream().filter(u -> shortForm.matcher(u.text()).find()).findFirst().orElse(units.getFirst()));
        return new Selection(Excerpt.around(units, chosen, new double[units.size()], AnswerType.ANY, Set.of()), 0);
    }

    /**
     * Settles a tie between units the question's words match about equally well by their meaning: one model call for
     * the contenders and, for a follow-up, the question itself, each read up to {@value #RESCORE_TOKENS} tokens, so the
     * cost of an answer stays bounded however long or dense the passages are.
     */
    private static int byMeaning(List<Unit> all, List<String> headings, double[] lexical, List<Integer> contenders, String question,
                                 StepFocus focus, float[] questionVector, Embedder embedder) {
        List<String> texts = new ArrayList<>();
        if (questionVector == null) {
            texts.add(question);
        }
        for (int i : contenders) {
            texts.add(focus.asRead(headings.get(all.get(i).passage()), all.get(i).text()));
        }
        List<float[]> vectors = embedder.embedAll(texts, RESCORE_TOKENS);
        float[] q = questionVector == null ? vectors.getFirst() : questionVector;
        int offset = questionVector == null ? 1 : 0;
        int best = contenders.getFirst();
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < contenders.size(); k++) {
            int i = contenders.get(k);
            // The contenders are nearly tied on words: meaning decides, the words only break a near tie.
            double score = Vectors.dot(q, vectors.get(offset + k)) + 0.1 * lexical[i];
            if (score > bestScore) {
                bestScore = score;
                best = i;
            }
        }
        return best;
    }

    /** The sentence ending in a colon just before a list of steps; "" for any other unit. */
    private static String introduction(List<Unit> units, Unit unit) {
        if (!unit.steps() || unit.position() == 0) {
            return "";
        }
        String previous = units.get(unit.position() - 1).text();
        return previous.endsWith(":") ? previous : "";
    }

    /** Whether {@code unit} is the header row of the table row that follows it. */
    private static boolean headsRows(List<Unit> siblings, Unit unit) {
        int next = unit.position() + 1;
        return next < siblings.size() && unit.text().equals(siblings.get(next).tableHeader());
    }

    private static String firstCell(Unit row) {
        int bar = row.text().indexOf(" | ");
        return bar < 0 ? row.text() : row.text().substring(0, bar);
    }
}
