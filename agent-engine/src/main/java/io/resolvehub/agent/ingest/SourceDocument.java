package io.resolvehub.agent.ingest;

import io.resolvehub.agent.FileFormat;

/**
 * One document a source yields for indexing.
 *
 * @param docKey    stable within the source (the page URL for web sources)
 * @param content   the raw bytes; {@code null} when {@code unchanged}
 * @param etag      the server's ETag, if any, for the next conditional fetch
 * @param unchanged the server answered 304 Not Modified: keep the indexed chunks
 */
record SourceDocument(String docKey, String title, String url, byte[] content, FileFormat format, String etag,
                             boolean unchanged) {

    public static SourceDocument unchanged(String docKey, String url, String etag) {
        return new SourceDocument(docKey, null, url, null, null, etag, true);
    }
}
