package io.resolvehub.agent.ingest;

import io.resolvehub.agent.IngestionException;
import io.resolvehub.agent.KnowledgeSource;
import java.util.List;
import java.util.Map;

/** Produces the documents of a source at ingestion time: the kept upload, the pasted text, or fetched web pages. */
interface DocumentReader {

    /**
     * @param known the documents indexed last time, so a web reader can send conditional requests
     * @throws IngestionException with a readable reason when nothing can be read
     */
    List<SourceDocument> read(KnowledgeSource source, Map<String, KnowledgeSources.DocumentState> known);
}
