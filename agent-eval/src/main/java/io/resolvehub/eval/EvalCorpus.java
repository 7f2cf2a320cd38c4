package io.resolvehub.eval;

import io.resolvehub.agent.Embedder;
import io.resolvehub.agent.KnowledgeIndex;
import io.resolvehub.agent.ingest.BatchedDocumentWriter;
import io.resolvehub.agent.ingest.Chunker;
import io.resolvehub.agent.ingest.ParsedDocument;
import io.resolvehub.agent.ingest.Parsers;
import io.resolvehub.core.TenantId;

/**
 * Indexes an evaluation set the way the hub ingests uploads: the hub's parsers and chunker, batched embedding, one
 * document per source document. A chunk's URL is {@code eval:<doc id>}, so a citation names the document it came from.
 */
final class EvalCorpus {

    static final String URL_PREFIX = "eval:";
    private static final int CHUNK_WORDS = 180;
    private static final int EMBED_GROUP = 256;

    private EvalCorpus() {
    }

    static int index(EvalSet set, TenantId tenant, KnowledgeIndex index, Embedder embedder) {
        Parsers parsers = new Parsers(2000);
        Chunker chunker = new Chunker(CHUNK_WORDS);
        BatchedDocumentWriter writer = new BatchedDocumentWriter(embedder, index, tenant, "src_" + set.name(), EMBED_GROUP);
        int chunks = 0;
        for (EvalSet.Doc doc : set.docs()) {
            ParsedDocument parsed = parsers.forFormat(doc.format()).parse(doc.content(), doc.title() != null ? doc.title() : doc.id());
            var docChunks = chunker.chunk(parsed);
            chunks += docChunks.size();
            writer.add(doc.id(), URL_PREFIX + doc.id(), docChunks, () -> { });
        }
        writer.flush();
        index.refresh();
        return chunks;
    }

    /** The document a citation's URL names, or null. */
    static String docOf(String url) {
        return url != null && url.startsWith(URL_PREFIX) ? url.substring(URL_PREFIX.length()) : null;
    }
}
