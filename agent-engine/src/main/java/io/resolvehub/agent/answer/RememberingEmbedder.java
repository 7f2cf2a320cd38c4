package io.resolvehub.agent.answer;

import io.resolvehub.agent.Embedder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An embedder for the span of one answer: a text read to the same length a second time is not run through the model
 * again. Choosing the sentence and scoring the chosen one both compare units by meaning; the unit that won the tie-break
 * is the one the confidence then reads, and the model's work is most of an answer's time (docs/benchmarks.md).
 * Not thread-safe: one instance per answer.
 */
final class RememberingEmbedder implements Embedder {

    private record Key(String text, int maxTokens) {
    }

    private final Embedder model;
    private final Map<Key, float[]> seen = new HashMap<>();

    RememberingEmbedder(Embedder model) {
        this.model = model;
    }

    @Override
    public int dimension() {
        return model.dimension();
    }

    @Override
    public float[] embed(String text) {
        return embedAll(List.of(text), Integer.MAX_VALUE).getFirst();
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        return embedAll(texts, Integer.MAX_VALUE);
    }

    @Override
    public List<float[]> embedAll(List<String> texts, int maxTokens) {
        List<String> missing = texts.stream().filter(t -> !seen.containsKey(new Key(t, maxTokens))).distinct().toList();
        if (!missing.isEmpty()) {
            List<float[]> vectors = maxTokens == Integer.MAX_VALUE ? model.embedAll(missing) : model.embedAll(missing, maxTokens);
            for (int i = 0; i < missing.size(); i++) {
                seen.put(new Key(missing.get(i), maxTokens), vectors.get(i));
            }
        }
        List<float[]> out = new ArrayList<>(texts.size());
        texts.forEach(t -> out.add(seen.get(new Key(t, maxTokens))));
        return out;
    }
}
