package io.resolvehub.agent.ingest;

import java.util.List;

/** A retrievable piece of a document: a few blocks under one heading path. */
public record Chunk(String title, List<String> headingPath, String text) {

    public Chunk {
        headingPath = List.copyOf(headingPath);
    }

    /** The text the embedding and BM25 see: title and headings give a passage its context ("Billing > Refunds"). */
    public String contextualText() {
        StringBuilder sb = new StringBuilder();
        if (title != null && !title.isBlank()) {
            sb.append(title).append('\n');
        }
        for (String heading : headingPath) {
            if (!heading.equals(title)) {
                sb.append(heading).append('\n');
            }
        }
        return sb.append(text).toString();
    }
}
