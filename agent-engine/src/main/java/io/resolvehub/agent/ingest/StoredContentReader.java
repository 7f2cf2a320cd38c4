package io.resolvehub.agent.ingest;

import io.resolvehub.agent.FileFormat;
import io.resolvehub.agent.IngestionException;
import io.resolvehub.agent.KnowledgeSource;
import io.resolvehub.agent.SourceType;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Reads file and text sources from the content kept in the database at upload time. */
final class StoredContentReader implements DocumentReader {

    static final String SINGLE_DOCUMENT = "document";

    private final KnowledgeSources sources;

    StoredContentReader(KnowledgeSources sources) {
        this.sources = sources;
    }

    @Override
    public List<SourceDocument> read(KnowledgeSource source, Map<String, KnowledgeSources.DocumentState> known) {
        KnowledgeSources.StoredContent stored = sources.content(source.id())
                .orElseThrow(() -> new IngestionException("the uploaded content is missing: upload the document again"));
        if (source.type() == SourceType.TEXT) {
            return List.of(new SourceDocument(SINGLE_DOCUMENT, source.title(), null,
                    stored.content().getBytes(StandardCharsets.UTF_8), FileFormat.TEXT, null, false));
        }
        byte[] bytes = Base64.getDecoder().decode(stored.content());
        FileFormat format = FileFormat.declared(source.filename(), null)
                .orElseThrow(() -> new IngestionException("'" + source.filename() + "' is not a supported type: " + FileFormat.SUPPORTED));
        format.verify(bytes, source.filename());
        return List.of(new SourceDocument(SINGLE_DOCUMENT, source.title(), source.url(), bytes, format, null, false));
    }
}
