package io.resolvehub.agent.ingest;

import io.resolvehub.agent.Embedder;
import io.resolvehub.agent.IngestionException;
import io.resolvehub.agent.KnowledgeIndex;

import io.resolvehub.agent.KnowledgeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Indexes one source's documents for the {@link Ingestor}: reads them with the source type's reader, then per document
 * hashes it, skips it if unchanged, parses and chunks it; the chunks of consecutive documents are embedded together
 * ({@link BatchedDocumentWriter}), then each document's chunks replace its old ones in the index. Documents the source
 * no longer has are removed. Failures are {@link IngestionException}s with a readable reason.
 */
final class SourceIndexer {

    private final KnowledgeSources sources;
    private final KnowledgeIndex index;
    private final Embedder embedder;
    private final Parsers parsers;
    private final Chunker chunker;
    private final DocumentReader storedReader;
    private final DocumentReader webReader;
    private final DocumentReader guideReader;
    private final int embedGroup;

    SourceIndexer(KnowledgeSources sources, KnowledgeIndex index, Embedder embedder, Parsers parsers, Chunker chunker,
                  DocumentReader webReader, DocumentReader guideReader, int embedGroup) {
        this.sources = sources;
        this.index = index;
        this.embedder = embedder;
        this.parsers = parsers;
        this.chunker = chunker;
        this.storedReader = new StoredContentReader(sources);
        this.webReader = webReader;
        this.guideReader = guideReader;
        this.embedGroup = embedGroup;
    }

    /** @return the source's chunks now in the index */
    int index(KnowledgeSource source) {
        Map<String, KnowledgeSources.DocumentState> known = sources.documents(source.id());
        DocumentReader reader = switch (source.type()) {
            case URL, SITEMAP -> webReader;
            case ZENDESK_GUIDE -> guideReader;
            case FILE, TEXT -> storedReader;
        };
        if (reader == null) {
            throw new IngestionException("this hub cannot read " + source.type().wire() + " sources");
        }
        IngestionProgress progress = IngestionProgress.of(sources, source);   // from 0 of 0: see Ingestor#process
        List<SourceDocument> documents = reader.read(source, known);
        if (documents.isEmpty()) {
            throw new IngestionException("no documents were found at " + (source.url() != null ? source.url() : "this source"));
        }
        progress.documentsRead(documents.size());
        BatchedDocumentWriter writer = new BatchedDocumentWriter(embedder, index, source.tenant(), source.id(), embedGroup,
                progress::passagesEmbedded);
        int total = 0;
        Set<String> seen = new HashSet<>();
        for (SourceDocument document : documents) {
            seen.add(document.docKey());
            KnowledgeSources.DocumentState previous = known.get(document.docKey());
            String hash = document.unchanged() && previous != null ? null : sha256(document.content());
            if (previous != null && (hash == null || previous.contentHash().equals(hash))) {
                total += previous.chunks();   // not modified, or the same bytes as last time: no re-embedding
                progress.documentDone();
                continue;
            }
            total += queueDocument(source, document, hash, writer, progress);
        }
        writer.flush();
        for (String vanished : known.keySet()) {
            if (!seen.contains(vanished)) {
                index.deleteDocument(source.tenant(), source.id(), vanished);
                sources.deleteDocument(source.id(), vanished);
            }
        }
        return total;
    }

    /** Parses and chunks one document and hands it to the writer, which swaps it into the index once it is embedded. */
    private int queueDocument(KnowledgeSource source, SourceDocument document, String hash, BatchedDocumentWriter writer,
                              IngestionProgress progress) {
        ParsedDocument parsed;
        List<Chunk> chunks;
        try {
            parsed = parse(source, document);
            chunks = chunker.chunk(parsed);
        } catch (RuntimeException failure) {
            // The documents before this one are indexed as if they had been written one by one; then the source fails.
            try {
                writer.flush();
            } catch (RuntimeException alsoFailed) {
                failure.addSuppressed(alsoFailed);
            }
            throw failure;
        }
        progress.documentChunked(chunks.size());
        writer.add(document.docKey(), document.url(), chunks, () -> {
            sources.saveDocument(source.id(), document.docKey(), parsed.title(), document.url(), hash, document.etag(),
                    chunks.size());
            progress.documentDone();
        });
        return chunks.size();
    }

    private ParsedDocument parse(KnowledgeSource source, SourceDocument document) {
        String fallbackTitle = document.title() != null ? document.title()
                : source.title() != null ? source.title()
                : source.filename() != null ? source.filename() : document.url();
        ParsedDocument parsed = parsers.forFormat(document.format()).parse(document.content(), fallbackTitle);
        if (parsed.isEmpty()) {
            throw new IngestionException("no text was found in " + (source.filename() != null ? "'" + source.filename() + "'"
                    : document.url() != null ? document.url() : "the document"));
        }
        if (source.title() == null && parsed.title() != null && !source.type().manyDocuments()) {
            sources.setTitle(source.id(), parsed.title());
        }
        return parsed;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
