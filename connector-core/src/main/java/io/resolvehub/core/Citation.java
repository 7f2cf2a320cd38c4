package io.resolvehub.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A source an answer is grounded in.
 *
 * @param sourceId the knowledge source the passage came from
 * @param title    the document's title, for display
 * @param url      where a person can read the whole document; {@code null} when it has none (pasted text, an upload)
 * @param snippet  the passage text the answer relies on
 */
public record Citation(String sourceId, String title, String url, String snippet) {

    /** The citations with each document once (by URL, else by source and title), first occurrence first. */
    public static List<Citation> distinct(List<Citation> citations) {
        Map<String, Citation> byDocument = new LinkedHashMap<>();
        for (Citation c : citations) {
            byDocument.putIfAbsent(c.url() != null ? c.url() : c.sourceId() + "|" + c.title(), c);
        }
        return List.copyOf(byDocument.values());
    }
}
