package io.resolvehub.agent.ingest;

import io.resolvehub.agent.IngestionException;

/** Turns one document's content into a {@link ParsedDocument}. Implementations are stateless and thread-safe. */
public interface DocumentParser {

    /**
     * @param content       the document's bytes (already checked to match the format)
     * @param fallbackTitle the title to use when the document names none (its file name, say)
     * @throws IngestionException with a readable reason when the document cannot be read
     */
    ParsedDocument parse(byte[] content, String fallbackTitle);
}
