package io.resolvehub.agent.answer;

import java.util.List;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What is quoted around the unit chosen to answer: the context a reader needs, verbatim and short enough for a chat
 * thread.
 * <ul>
 *   <li>Steps come with the sentence that introduces them ("To reset your password:").</li>
 *   <li>A table row comes with its header row, which names the columns.</li>
 *   <li>A sentence comes with the one before it when it leans on it ("It expires after…"), with the one after it
 *   when that one leans on it or when it says too little alone ("No."), and with what it introduces when it ends in a colon (steps, a code line, a list).</li>
 *   <li>The passage's next best sentence for the question joins when it fits: the value asked for often sits a sentence
 *   or two from the sentence that names the topic (docs/evaluation.md measures what it does). When the question asks
 *   for a kind of value that what is quoted lacks, the sentence holding one is preferred. Units that are not next to
 *   each other are joined with an ellipsis, so the quote never pretends to be continuous text.</li>
 * </ul>
 */
record Excerpt(String text, List<String> answering) {

    /** An excerpt is capped here whatever its words: a document of one endless "word" must not become a 10 MB answer. */
    static final int MAX_CHARS = 1500;
    /** Prose longer than this is cut back to the chosen sentence alone (steps are never cut). */
    private static final int MAX_WORDS = 120;
    /** A sentence and its neighbour are quoted together up to this many words. */
    private static final int CONTEXT_WORDS = 70;
    /** The next best sentence joins while the whole quote stays within this many words. */
    private static final int COMPANION_WORDS = 90;
    /** ...and only when it names at least one typical word of the question (a rare word counts more, see {@link QuestionTerms#weight}). */
    private static final double COMPANION_MATCH = 1.0;
    /** A sentence this short ("No.", "Yes, on Pro.") is quoted with the one after it. */
    private static final int BARE_WORDS = 3;
    /** A statement ends so; a heading line or the introduction of a list does not. */
    private static final Pattern SAYS = Pattern.compile("[.!?][\"')\\]]*$");
    /** A question the docs ask themselves ("**Can I take pre-orders?**"): an FAQ entry, whose answer follows it. */
    private static final Pattern ASKS = Pattern.compile("\\?[*\"'”)\\]]*$");
    /** A troubleshooting entry opens with the message the user sees ("\"Invalid code\" The clock on your phone is off."). */
    private static final Pattern QUOTED_MESSAGE = Pattern.compile("^[\"“'‘][^\"”'’]{3,80}[\"”'’]\\s+\\S");
    private static final Pattern LEANS_BACK = Pattern.compile("^(?:it|its|this|that|these|those|they|their|he|his|she|her|"
            + "however|also|then|there|such)\\b.*", Pattern.CASE_INSENSITIVE);

    /**
     * @param text      what is quoted
     * @param answering the units quoted to answer (the chosen one, and the companion that joined it), each whole: what is
     *                  judged against the question; the sentences quoted only as context are not
     */
    Excerpt {
        answering = List.copyOf(answering);
    }

    /** One piece of text quoted as it is, within {@link #MAX_CHARS}. */
    static Excerpt of(String text) {
        String capped = capped(text);
        return new Excerpt(capped, List.of(capped));
    }

    /**
     * @param units  the units of the chosen unit's passage, in order
     * @param matches how much of the question each of those units names, in typical question words (same order)
     * @param type    the kind of value the question asks for: when what is picked holds none, a sentence that holds one
     *                is the preferred companion
     * @param named   the words the question says ({@link AnswerType#carriedBy(String, Set)})
     */
    static Excerpt around(List<Unit> units, Unit chosen, double[] matches, AnswerType type, Set<String> named) {
        NavigableSet<Integer> picked = context(units, chosen);
        int companion = -1;
        if (!type.carriedBy(render(units, picked), named)) {
            // "how long do I have to restore it?" answered by the steps to restore: the sentence that holds the duration
            companion = companion(units, matches, picked, type, named);
        }
        if (companion < 0) {
            companion = companion(units, matches, picked, AnswerType.ANY, named);
        }
        if (companion >= 0) {
            picked.addAll(context(units, units.get(companion)));
            if (words(units, picked) > COMPANION_WORDS) {
                picked = context(units, chosen);
                companion = -1;
            }
        }
        if (words(units, picked) > MAX_WORDS && !chosen.steps()) {
            picked = new TreeSet<>(List.of(chosen.position()));
            companion = -1;
        }
        List<String> answering = companion < 0 ? List.of(capped(chosen.text()))
                : List.of(capped(chosen.text()), capped(units.get(companion).text()));
        return new Excerpt(capped(render(units, picked)), answering);
    }

    /** The chosen unit with what it cannot be read without. */
    private static NavigableSet<Integer> context(List<Unit> units, Unit chosen) {
        int at = chosen.position();
        NavigableSet<Integer> picked = new TreeSet<>(List.of(at));
        if (chosen.steps()) {
            if (at > 0 && units.get(at - 1).text().endsWith(":")) {
                picked.add(at - 1);
            }
        } else if (chosen.tableHeader() != null) {
            for (int i = at - 1; i >= 0; i--) {
                if (units.get(i).text().equals(chosen.tableHeader())) {
                    picked.add(i);
                    break;
                }
            }
        } else {
            if (at > 0 && LEANS_BACK.matcher(chosen.text()).matches() && prose(units.get(at - 1))
                    && words(units.get(at - 1).text()) + words(chosen.text()) <= CONTEXT_WORDS) {
                picked.add(at - 1);
            }
            if (at + 1 < units.size()) {
                Unit next = units.get(at + 1);
                // "Send the token in the Authorization header:" is read with what it introduces: steps, a code line, a list
                boolean introduces = chosen.text().endsWith(":");
                // "No." or "Yes, on Pro." says little alone: the sentence after it says why or how
                boolean bare = words(chosen.text()) <= BARE_WORDS;
                boolean continues = prose(next) && !chosen.bullet() && (bare || LEANS_BACK.matcher(next.text()).matches())
                        && words(units, picked) + words(next.text()) <= CONTEXT_WORDS;
                if (introduces || continues) {
                    picked.add(at + 1);
                }
                if (asks(chosen) || QUOTED_MESSAGE.matcher(chosen.text()).find()) {
                    // an FAQ's question is answered by what follows it, an error message's entry goes on to the fix
                    for (int i = at + 1; i < units.size() && prose(units.get(i)) && !asks(units.get(i))
                            && !QUOTED_MESSAGE.matcher(units.get(i).text()).find()
                            && (i == at + 1 || words(units, picked) + words(units.get(i).text()) <= CONTEXT_WORDS); i++) {
                        picked.add(i);
                    }
                }
                for (int i = at + 2; introduces && next.bullet() && i < units.size() && units.get(i).bullet()
                        && words(units, picked) + words(units.get(i).text()) <= CONTEXT_WORDS; i++) {
                    picked.add(i);
                }
            }
        }
        return picked;
    }

    /**
     * The sentence not yet picked that names most of the question, if it names enough; -1 when none does. Only a
     * statement joins: steps, bullets and table rows are alternatives (the steps for a work account beside those for a
     * personal one, another plan's row), an introduction ending in a colon belongs to its list, and a heading line
     * ("Plans at a glance") says nothing. Only a sentence holding a value of {@code type} ({@link AnswerType#ANY}: any), which then needs to name only one
     * word of the question.
     */
    private static int companion(List<Unit> units, double[] matches, NavigableSet<Integer> picked, AnswerType type, Set<String> named) {
        int best = -1;
        for (int i = 0; i < units.size(); i++) {
            Unit unit = units.get(i);
            boolean statement = prose(unit) && SAYS.matcher(unit.text()).find() && type.carriedBy(unit.text(), named);
            // the value asked for is itself evidence: then naming any word of the question is enough
            boolean enough = type == AnswerType.ANY ? matches[i] >= COMPANION_MATCH : matches[i] > 0;
            if (!picked.contains(i) && statement && enough && (best < 0 || matches[i] > matches[best])) {
                best = i;
            }
        }
        return best;
    }

    /** The picked units in document order: one line each for steps, bullets and rows, an ellipsis over a gap. */
    private static String render(List<Unit> units, NavigableSet<Integer> picked) {
        StringBuilder text = new StringBuilder();
        Integer previous = null;
        for (int i : picked) {
            if (previous != null) {
                boolean lines = !prose(units.get(previous)) || !prose(units.get(i)) || units.get(previous).text().endsWith(":");
                boolean headerOfRow = units.get(previous).text().equals(units.get(i).tableHeader());
                boolean gap = i > previous + 1 && !headerOfRow;
                text.append(lines ? (gap ? "\n…\n" : "\n") : (gap ? " … " : " "));
            }
            text.append(units.get(i).text());
            previous = i;
        }
        return text.toString();
    }

    /** At most {@link #MAX_CHARS}, cut after the last whole word that fits. */
    static String capped(String excerpt) {
        if (excerpt.length() <= MAX_CHARS) {
            return excerpt;
        }
        int cut = excerpt.lastIndexOf(' ', MAX_CHARS - 1);
        return excerpt.substring(0, cut > MAX_CHARS / 2 ? cut : MAX_CHARS - 1).stripTrailing() + "…";
    }

    private static boolean asks(Unit unit) {
        return ASKS.matcher(unit.text()).find();
    }

    private static boolean prose(Unit unit) {
        return !unit.steps() && !unit.bullet() && unit.tableHeader() == null && !unit.text().contains(" | ");
    }

    private static int words(List<Unit> units, NavigableSet<Integer> picked) {
        return picked.stream().mapToInt(i -> words(units.get(i).text())).sum();
    }

    private static int words(String text) {
        return text.isBlank() ? 0 : text.strip().split("\\s+").length;
    }
}
