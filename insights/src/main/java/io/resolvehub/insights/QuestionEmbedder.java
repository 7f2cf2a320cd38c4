package io.resolvehub.insights;

import java.util.List;
import java.util.Optional;

/**
 * The sentence-embedding model the agent answers with (all-MiniLM-L6-v2 in the hub), as insights needs it: unit-length
 * vectors of one dimension, so questions about the same need point the same way. Supplied by the application.
 * Thread-safe; may throw when the model fails.
 */
@FunctionalInterface
public interface QuestionEmbedder {

    /** One unit vector per text, in order. */
    List<float[]> embedAll(List<String> texts);

    /**
     * The question's vector when the model computed it moments ago (the agent embeds the question it answers), without
     * running the model; empty when none is at hand, and then {@link #embedAll} is asked after the answer is stored.
     */
    default Optional<float[]> recent(String question) {
        return Optional.empty();
    }
}
