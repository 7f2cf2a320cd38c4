package io.resolvehub.agent.ingest;

import io.resolvehub.agent.embed.Embedder;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The real embedder, remembering the size of every {@code embedAll} call: shows how the ingestion batches. */
final class CallCountingEmbedder implements Embedder {

    private final Embedder delegate;
    final List<Integer> embedAllSizes = new CopyOnWriteArrayList<>();

    CallCountingEmbedder(Embedder delegate) {
        this.delegate = delegate;
    }

    @Override
    public int dimension() {
        return delegate.dimension();
    }

    @Override
    public float[] embed(String text) {
        return delegate.embed(text);
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        embedAllSizes.add(texts.size());
        return delegate.embedAll(texts);
    }
}
