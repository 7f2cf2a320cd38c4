package io.resolvehub.agent.ingest;

import java.util.List;

/**
 * A unit of a parsed document that chunking never splits unless it alone is too long: a paragraph, a code block, or
 * a whole list (numbered steps stay together).
 *
 * @param headingPath the headings this block sits under, outermost first
 * @param text        plain text; list items one per line, numbered {@code "1. "} or bulleted {@code "- "}
 * @param list        whether the block is a list (split only between items)
 */
record Block(List<String> headingPath, String text, boolean list) {

    public Block {
        headingPath = List.copyOf(headingPath);
    }

    int words() {
        return Chunker.countWords(text);
    }
}
