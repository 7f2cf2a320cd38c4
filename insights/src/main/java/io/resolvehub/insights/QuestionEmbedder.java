package io.resolvehub.insights;

import java.util.List;

/**
 * The sentence-embedding model the agent answers with (all-MiniLM-L6-v2 in the hub), as insights needs it: unit-length
 * vectors of one dimension, so questions about the same need point the same way. Supplied by the application.
 * Thread-safe; may throw when the model fails.
 */
@FunctionalInterface
public interface QuestionEmbedder {

    /** One unit vector per text, in order. */
    List<float[]> embedAll(List<String> texts);
}
