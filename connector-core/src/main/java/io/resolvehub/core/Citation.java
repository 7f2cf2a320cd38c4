package io.resolvehub.core;

/**
 * A source an answer is grounded in.
 *
 * @param sourceId the knowledge source the passage came from
 * @param title    the document's title, for display
 * @param url      where a person can read the whole document; {@code null} when it has none (pasted text, an upload)
 * @param snippet  the passage text the answer relies on
 */
public record Citation(String sourceId, String title, String url, String snippet) {
}
