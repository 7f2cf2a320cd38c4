package io.resolvehub.agent.ingest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Plain text (and PDF text): paragraphs are separated by blank lines; consecutive numbered or bulleted lines form one
 * list block; a short line without final punctuation followed by a paragraph is taken as a heading.
 */
final class PlainTextParser implements DocumentParser {

    private static final Pattern LIST_ITEM = Pattern.compile("^\\s*(\\d{1,3}[.)]|[-*•])\\s+.*");
    private static final Pattern NUMBERED = Pattern.compile("^\\s*\\d{1,3}[.)]\\s+.*");

    @Override
    public ParsedDocument parse(byte[] content, String fallbackTitle) {
        return parseText(new String(content, StandardCharsets.UTF_8), fallbackTitle);
    }

    public ParsedDocument parseText(String text, String fallbackTitle) {
        String normalized = text.replace("\r\n", "\n").replace('\r', '\n').replace('\f', '\n');
        List<Block> blocks = new ArrayList<>();
        String heading = null;
        String title = null;
        for (String paragraph : normalized.split("\\n\\s*\\n")) {
            List<String> lines = paragraph.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
            if (lines.isEmpty()) {
                continue;
            }
            if (lines.size() == 1 && looksLikeHeading(lines.getFirst())) {
                heading = lines.getFirst();
                if (title == null && blocks.isEmpty()) {
                    title = heading;
                }
                continue;
            }
            List<String> path = heading == null ? List.of() : List.of(heading);
            StringBuilder prose = new StringBuilder();
            StringBuilder list = new StringBuilder();
            for (String line : lines) {
                if (LIST_ITEM.matcher(line).matches()) {
                    if (!prose.isEmpty()) {
                        blocks.add(new Block(path, prose.toString(), false));
                        prose.setLength(0);
                    }
                    list.append(list.isEmpty() ? "" : "\n").append(NUMBERED.matcher(line).matches() ? line : line.replaceFirst("^[-*•]\\s+", "- "));
                } else if (!list.isEmpty() && Character.isLowerCase(line.charAt(0))) {
                    list.append(' ').append(line);   // a wrapped list item continues on the next line
                } else {
                    if (!list.isEmpty()) {
                        blocks.add(new Block(path, list.toString(), true));
                        list.setLength(0);
                    }
                    prose.append(prose.isEmpty() ? "" : " ").append(line);
                }
            }
            if (!prose.isEmpty()) {
                blocks.add(new Block(path, prose.toString(), false));
            }
            if (!list.isEmpty()) {
                blocks.add(new Block(path, list.toString(), true));
            }
        }
        return new ParsedDocument(title != null ? title : fallbackTitle, mergeAdjacentLists(blocks));
    }

    /** Steps separated by blank lines ("1. …\n\n2. …") are still one list. */
    private static List<Block> mergeAdjacentLists(List<Block> blocks) {
        List<Block> merged = new ArrayList<>();
        for (Block block : blocks) {
            if (!merged.isEmpty()) {
                Block last = merged.getLast();
                if (last.list() && block.list() && last.headingPath().equals(block.headingPath())) {
                    merged.set(merged.size() - 1, new Block(last.headingPath(), last.text() + "\n" + block.text(), true));
                    continue;
                }
            }
            merged.add(block);
        }
        return merged;
    }

    private static boolean looksLikeHeading(String line) {
        if (line.length() > 80 || LIST_ITEM.matcher(line).matches()) {
            return false;
        }
        char last = line.charAt(line.length() - 1);
        return Character.isLetterOrDigit(last) && line.split("\\s+").length <= 10
                && (Character.isUpperCase(line.charAt(0)) || Character.isDigit(line.charAt(0)) || line.startsWith("#"));
    }
}
