package io.resolvehub.agent;

import java.util.List;
import java.util.Optional;

/** Turns text into unit-length vectors for semantic search. Thread-safe. */
public interface Embedder {

    int dimension();

    float[] embed(String text);

    /** Embeds many texts at once; implementations batch the model calls. Result order matches {@code texts}. */
    List<float[]> embedAll(List<String> texts);

    /**
     * Like {@link #embedAll(List)}, reading at most {@code maxTokens} of each text: the model's cost grows with the
     * longest text of a batch, so comparing short spans by meaning stays cheap even when one of them runs on. The
     * default reads whole texts.
     */
    default List<float[]> embedAll(List<String> texts, int maxTokens) {
        return embedAll(texts);
    }

    /**
     * The vector of a text embedded alone moments ago (as {@link #embedAll(List)} would give it), without running the
     * model; empty when none is at hand. The default keeps none.
     */
    default Optional<float[]> recent(String text) {
        return Optional.empty();
    }
}
