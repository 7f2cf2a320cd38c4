package io.resolvehub.agent.ingest;

import com.vladsch.flexmark.ast.BulletList;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.ast.OrderedListItem;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Markdown through flexmark: headings build the heading path, lists stay whole, formatting marks are dropped. */
final class MarkdownParser implements DocumentParser {

    private final Parser parser = Parser.builder().build();

    @Override
    public ParsedDocument parse(byte[] content, String fallbackTitle) {
        Document document = parser.parse(new String(content, StandardCharsets.UTF_8));
        List<String> path = new ArrayList<>();
        List<Integer> levels = new ArrayList<>();
        List<Block> blocks = new ArrayList<>();
        String title = null;
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Heading heading) {
                String text = text(heading).strip();
                while (!levels.isEmpty() && levels.getLast() >= heading.getLevel()) {
                    levels.removeLast();
                    path.removeLast();
                }
                levels.add(heading.getLevel());
                path.add(text);
                if (title == null && heading.getLevel() == 1) {
                    title = text;
                }
            } else if (node instanceof ListBlock list) {
                blocks.add(new Block(path, listText(list, ""), true));
            } else {
                String text = text(node).strip();
                if (!text.isEmpty()) {
                    blocks.add(new Block(path, text, false));
                }
            }
        }
        return new ParsedDocument(title != null ? title : fallbackTitle, blocks);
    }

    private static String listText(ListBlock list, String indent) {
        StringBuilder sb = new StringBuilder();
        int number = list instanceof OrderedList ordered ? ordered.getStartNumber() : 0;
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            if (!(item instanceof ListItem)) {
                continue;
            }
            String marker = item instanceof OrderedListItem ? (number++) + ". " : "- ";
            StringBuilder itemText = new StringBuilder();
            StringBuilder nested = new StringBuilder();
            for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
                if (child instanceof OrderedList || child instanceof BulletList) {
                    nested.append('\n').append(listText((ListBlock) child, indent + "  "));
                } else {
                    String text = text(child).strip();
                    if (!text.isEmpty()) {
                        itemText.append(itemText.isEmpty() ? "" : " ").append(text);
                    }
                }
            }
            if (!sb.isEmpty()) {
                sb.append('\n');
            }
            sb.append(indent).append(marker).append(itemText.toString().replaceAll("\\s*\\n\\s*", " ")).append(nested);
        }
        return sb.toString();
    }

    private static String text(Node node) {
        return new TextCollectingVisitor().collectAndGetText(node).replaceAll("[ \\t]*\\n[ \\t]*(?=\\S)", "\n");
    }
}
