package io.resolvehub.agent.embed;

import java.util.List;

/** Turns text into unit-length vectors for semantic search. Thread-safe. */
public interface Embedder {

    int dimension();

    float[] embed(String text);

    /** Embeds many texts at once; implementations batch the model calls. Result order matches {@code texts}. */
    List<float[]> embedAll(List<String> texts);
}
