package io.resolvehub.agent.ingest;

import java.util.List;

/** A document reduced to its title and its blocks in reading order. */
public record ParsedDocument(String title, List<Block> blocks) {

    public ParsedDocument {
        blocks = List.copyOf(blocks);
    }

    public boolean isEmpty() {
        return blocks.stream().allMatch(b -> b.text().isBlank());
    }
}
