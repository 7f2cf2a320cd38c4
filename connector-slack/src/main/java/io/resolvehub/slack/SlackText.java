package io.resolvehub.slack;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns document text (Markdown) into Slack {@code mrkdwn} that can never notify anyone, and splits it to fit
 * Slack's limits.
 *
 * <p>Why escaping is enough: Slack only parses {@code <!here>}, {@code <@U…>}, {@code <#C…>}, {@code <!subteam^…>}
 * when the angle brackets are real; {@code &lt;}/{@code &gt;} render as text. Plain {@code @here}/{@code @channel}
 * words get a zero-width joiner so a {@code link_names} client setting cannot turn them into pings either.
 *
 * @see <a href="https://api.slack.com/reference/surfaces/formatting#escaping">Escaping text</a>
 */
final class SlackText {

    /** A section block's text limit. */
    static final int SECTION_LIMIT = 3000;

    private static final Pattern LINK = Pattern.compile("!?\\[([^\\]\\n]{1,500})]\\(\\s*([^)\\s]{1,2000})\\s*\\)");
    private static final Pattern BROADCAST = Pattern.compile("(?i)@(channel|here|everyone)\\b");
    private static final Pattern SAFE_URL = Pattern.compile("(?i)(https?|mailto):[^\\s<>|]+");
    private static final Pattern HEADING = Pattern.compile("^\\s{0,3}#{1,6}\\s+(.+?)\\s*#*\\s*$");
    private static final Pattern BULLET = Pattern.compile("^(\\s*)[-*+]\\s+");
    private static final Pattern STRONG = Pattern.compile("(\\*\\*|__)(?=\\S)(.+?)(?<=\\S)\\1");
    private static final Pattern EMPHASIS = Pattern.compile("(?<![*\\w])\\*(?=[^\\s*])([^*\\n]+?)(?<=[^\\s*])\\*(?![*\\w])");
    private static final Pattern STRIKE = Pattern.compile("~~(?=\\S)(.+?)(?<=\\S)~~");
    private static final char STRONG_MARK = '\u0001';

    private SlackText() {
    }

    /** Escapes control characters and defuses broadcast words: the text shows as written and pings no one. */
    static String neutralize(String text) {
        if (text == null) {
            return "";
        }
        String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return BROADCAST.matcher(escaped).replaceAll("@\u2060$1");
    }

    /** A link Slack will render, or the neutralised label when the URL is not a plain http(s)/mailto URL. */
    static String link(String url, String label) {
        String shownLabel = neutralize(label == null || label.isBlank() ? url : label).replace("|", "\u2758");
        if (url == null || !SAFE_URL.matcher(url).matches()) {
            return shownLabel;
        }
        return "<" + url + "|" + shownLabel + ">";
    }

    /** Markdown to mrkdwn: headings and bold to {@code *…*}, italics to {@code _…_}, links to {@code <url|text>}. */
    static String markdownToMrkdwn(String markdown) {
        if (markdown == null || markdown.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        boolean inCode = false;
        String[] lines = markdown.replace("\r\n", "\n").split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.strip().startsWith("```")) {
                inCode = !inCode;
                out.append("```");
            } else if (inCode) {
                out.append(neutralize(line));
            } else {
                out.append(convertLine(line));
            }
            if (i < lines.length - 1) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static String convertLine(String line) {
        Matcher heading = HEADING.matcher(line);
        if (heading.matches()) {
            return "*" + inline(heading.group(1).replace("*", "")) + "*";
        }
        Matcher bullet = BULLET.matcher(line);
        if (bullet.find()) {
            return bullet.group(1) + "• " + inline(line.substring(bullet.end()));
        }
        return inline(line);
    }

    /** Inline Markdown of one line; code spans are kept verbatim (escaped). */
    private static String inline(String text) {
        StringBuilder out = new StringBuilder();
        String[] parts = text.split("`", -1);
        for (int i = 0; i < parts.length; i++) {
            boolean code = i % 2 == 1 && i < parts.length - 1;
            if (i > 0) {
                out.append('`');
            }
            out.append(code ? neutralize(parts[i]) : formatted(parts[i]));
        }
        return out.toString();
    }

    private static String formatted(String text) {
        StringBuilder out = new StringBuilder();
        Matcher link = LINK.matcher(text);
        int last = 0;
        while (link.find()) {
            out.append(emphasis(neutralize(text.substring(last, link.start()))));
            out.append(link(link.group(2), link.group(1)));
            last = link.end();
        }
        out.append(emphasis(neutralize(text.substring(last))));
        return out.toString();
    }

    private static String emphasis(String text) {
        String strong = STRONG.matcher(text).replaceAll(m -> STRONG_MARK + Matcher.quoteReplacement(m.group(2)) + STRONG_MARK);
        String emphasised = EMPHASIS.matcher(strong).replaceAll("_$1_");
        String struck = STRIKE.matcher(emphasised).replaceAll("~$1~");
        return struck.replace(STRONG_MARK, '*');
    }

    /** Splits at paragraph, then line, then word boundaries so each piece fits {@code limit} characters. */
    static List<String> split(String text, int limit) {
        List<String> pieces = new ArrayList<>();
        String rest = text.strip();
        while (rest.length() > limit) {
            int cut = rest.lastIndexOf("\n\n", limit);
            if (cut < limit / 3) cut = rest.lastIndexOf('\n', limit);
            if (cut < limit / 3) cut = rest.lastIndexOf(' ', limit);
            if (cut < limit / 3) cut = safeHardCut(rest, limit);
            pieces.add(rest.substring(0, cut).strip());
            rest = rest.substring(cut).strip();
        }
        if (!rest.isEmpty() || pieces.isEmpty()) {
            pieces.add(rest);
        }
        return pieces;
    }

    /** Never cuts inside an {@code &amp;}-style entity or a surrogate pair. */
    private static int safeHardCut(String text, int limit) {
        int cut = limit;
        int amp = text.lastIndexOf('&', cut - 1);
        if (amp >= 0 && cut - amp < 6 && text.indexOf(';', amp) >= cut) {
            cut = amp;
        }
        if (Character.isLowSurrogate(text.charAt(cut))) {
            cut--;
        }
        return cut;
    }
}
