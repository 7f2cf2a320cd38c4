package io.resolvehub.agent.ingest;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * HTML through jsoup: navigation, scripts, styles and page chrome are dropped; headings build the heading path;
 * {@code <ol>} items become numbered steps kept in one block.
 */
final class HtmlParser implements DocumentParser {

    private static final String CHROME = "script, style, noscript, nav, header, footer, aside, form, iframe, svg, template, "
            + "[role=navigation], [aria-hidden=true], .nav, .navbar, .sidebar, .breadcrumb, .breadcrumbs, .cookie-banner";
    private static final Pattern HEADING = Pattern.compile("h[1-6]");

    @Override
    public ParsedDocument parse(byte[] content, String fallbackTitle) {
        return parse(Jsoup.parse(new String(content, StandardCharsets.UTF_8)), fallbackTitle);
    }

    public ParsedDocument parse(Document document, String fallbackTitle) {
        document.select(CHROME).remove();
        Element root = document.selectFirst("main, article, [role=main]");
        if (root == null) {
            root = document.body();
        }
        List<Block> blocks = new ArrayList<>();
        List<String> path = new ArrayList<>();
        List<Integer> levels = new ArrayList<>();
        String[] h1 = {null};
        walk(root, blocks, path, levels, h1);
        String title = document.title().isBlank() ? null : document.title().strip();
        if (h1[0] != null) {
            title = h1[0];   // the article's own heading beats a "Acme Help | …" page title
        }
        return new ParsedDocument(title != null ? title : fallbackTitle, blocks);
    }

    private void walk(Element element, List<Block> blocks, List<String> path, List<Integer> levels, String[] h1) {
        for (Element child : element.children()) {
            String tag = child.normalName();
            if (HEADING.matcher(tag).matches()) {
                int level = tag.charAt(1) - '0';
                String text = child.text().strip();
                if (text.isEmpty()) {
                    continue;
                }
                while (!levels.isEmpty() && levels.getLast() >= level) {
                    levels.removeLast();
                    path.removeLast();
                }
                levels.add(level);
                path.add(text);
                if (level == 1 && h1[0] == null) {
                    h1[0] = text;
                }
            } else if (tag.equals("ol") || tag.equals("ul")) {
                String list = listText(child, "");
                if (!list.isBlank()) {
                    blocks.add(new Block(path, list, true));
                }
            } else if (tag.equals("p") || tag.equals("pre") || tag.equals("blockquote") || tag.equals("dl")) {
                String text = tag.equals("pre") ? child.wholeText().strip() : child.text().strip();
                if (!text.isEmpty()) {
                    blocks.add(new Block(path, text, false));
                }
            } else if (tag.equals("table")) {
                List<String> rows = new ArrayList<>();
                for (Element row : child.select("tr")) {
                    rows.add(String.join(" | ", row.select("th, td").eachText()));
                }
                blocks.add(new Block(path, String.join("\n", rows), false));
            } else if (child.children().isEmpty() || child.ownText().strip().length() > 0 && !hasBlockChildren(child)) {
                String text = child.text().strip();
                if (!text.isEmpty()) {
                    blocks.add(new Block(path, text, false));
                }
            } else {
                walk(child, blocks, path, levels, h1);
            }
        }
    }

    private static boolean hasBlockChildren(Element element) {
        return !element.select("> p, > div, > ol, > ul, > table, > h1, > h2, > h3, > h4, > h5, > h6, > section").isEmpty();
    }

    private static String listText(Element list, String indent) {
        StringBuilder sb = new StringBuilder();
        boolean ordered = list.normalName().equals("ol");
        int number = 1;
        if (ordered && list.hasAttr("start")) {
            try {
                number = Integer.parseInt(list.attr("start").strip());
            } catch (NumberFormatException ignored) {
                // keep 1
            }
        }
        for (Element item : list.children()) {
            if (!item.normalName().equals("li")) {
                continue;
            }
            Element copy = item.clone();
            List<Element> nested = new ArrayList<>(item.select("> ol, > ul"));
            copy.select("> ol, > ul").remove();
            if (!sb.isEmpty()) {
                sb.append('\n');
            }
            sb.append(indent).append(ordered ? (number++) + ". " : "- ").append(copy.text().strip());
            for (Element sub : nested) {
                sb.append('\n').append(listText(sub, indent + "  "));
            }
        }
        return sb.toString();
    }
}
