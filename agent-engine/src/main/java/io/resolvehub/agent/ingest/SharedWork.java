package io.resolvehub.agent.ingest;

import io.resolvehub.agent.IngestionException;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting for work shared between sources (a model batch, an index commit) the way one source's own work fails. */
final class SharedWork {

    private SharedWork() {
    }

    /** How work a source waits for fails when the hub shuts down before it is done. */
    static IngestionException shuttingDown() {
        return new IngestionException("indexing was interrupted (the hub is shutting down)");
    }

    /** The result, or the shared work's own failure; an interrupt is the hub shutting down. */
    static <T> T await(Future<T> shared) {
        try {
            return shared.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw shuttingDown();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }
}
