package io.resolvehub.agent.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A piece of a passage an answer may quote: a whole numbered list (steps are never split), one bullet, one table row
 * (with its table's header row, which names the columns), or one sentence.
 *
 * @param tableHeader the header row of the row's table; null when this is not a table row (or is the header itself)
 * @param passage     index of the passage among the candidates
 * @param position    index of the unit within its passage
 */
record Unit(String text, boolean steps, boolean bullet, String tableHeader, int passage, int position) {

    private static final Pattern NUMBERED_LINE = Pattern.compile("^\\s*\\d{1,3}[.)]\\s+.*");
    private static final Pattern BULLET_LINE = Pattern.compile("^\\s*[-*•]\\s+.*");
    /** "Pro | $8 per member / month | 2 GB uploads", as the parsers write table rows. */
    private static final Pattern TABLE_ROW = Pattern.compile(".+ \\| .+");
    private static final Pattern MARKDOWN_RULE = Pattern.compile("^[\\s|:-]+$");
    /**
     * A sentence ends at ".", "!" or "?" before a capital or a digit, but not after an initial or a one-letter short form
     * ("Robert E. Lee", "M.G. Slayton", "e.g. Settings", "from c. 500 BC") or a title or short form that is followed by
     * a name ("Dr. Smith", "Gen. Lee", "Settings vs. Profile"): cutting there quotes half a sentence.
     */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])(?<!\\b\\p{L}\\.)"
            + "(?<!\\b(?:Mr|Mrs|Ms|Dr|Prof|St|Mt|Ft|Gen|Col|Maj|Capt|Lt|Sgt|Gov|Sen|Rep|Rev|Jr|Sr|Vol|vs|lit|approx|incl|ca)\\.)"
            + "\\s+(?=[\"'(\\[]?[A-Z0-9])");

    /**
     * Prose that tells the reader what to do, as steps do: a sentence of it opens with an instruction ("Go to Settings >
     * Security and choose Required for everyone.") or it walks a menu path. Help centers write a one-step task as such
     * a sentence, not as a numbered list.
     */
    private static final Pattern INSTRUCTION = Pattern.compile("(?:^|[.!?]\\s+)(?:\\*\\*)?(?:(?:to|then|next|first|finally)\\b[^,]{0,60},\\s*)?"
            + "(?:go to|click|tap|open|choose|select|enter|type|press|navigate to|sign in|log in|turn (?:on|off)|enable|"
            + "disable|toggle|drag|upload|download|switch|pick|add|remove|contact|ask)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern MENU_PATH = Pattern.compile("\\p{L}[\\p{L}*)]* > \\p{L}");

    /** Steps, or prose that instructs the way steps do ({@link #INSTRUCTION}, a menu path): what answers "how do I…". */
    boolean instructs() {
        return steps || tableHeader == null && (INSTRUCTION.matcher(text.replaceFirst("^[-*•]\\s+", "")).find()
                || MENU_PATH.matcher(text).find());
    }

    /** The units of one passage, in order. */
    static List<Unit> cut(String passage, int passageIndex) {
        List<Unit> units = new ArrayList<>();
        StringBuilder steps = new StringBuilder();
        String header = null;
        for (String line : passage.split("\n")) {
            if (line.isBlank() || MARKDOWN_RULE.matcher(line).matches()) {
                continue;
            }
            boolean nestedUnderSteps = !steps.isEmpty() && line.startsWith("  ");
            if (NUMBERED_LINE.matcher(line).matches() || nestedUnderSteps) {
                steps.append(steps.isEmpty() ? "" : "\n").append(line.stripTrailing());
                continue;
            }
            if (!steps.isEmpty()) {
                units.add(new Unit(steps.toString(), true, false, null, passageIndex, units.size()));
                steps.setLength(0);
            }
            if (TABLE_ROW.matcher(line).matches()) {
                String row = line.strip();
                units.add(new Unit(row, false, false, header, passageIndex, units.size()));
                header = header == null ? row : header;
                continue;
            }
            header = null;
            if (BULLET_LINE.matcher(line).matches()) {
                units.add(new Unit(line.strip(), false, true, null, passageIndex, units.size()));
                continue;
            }
            for (String sentence : SENTENCE_END.split(line.strip())) {
                if (!sentence.isBlank()) {
                    units.add(new Unit(sentence.strip(), false, false, null, passageIndex, units.size()));
                }
            }
        }
        if (!steps.isEmpty()) {
            units.add(new Unit(steps.toString(), true, false, null, passageIndex, units.size()));
        }
        return units;
    }
}
