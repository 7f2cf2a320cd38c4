package io.resolvehub.agent;

/** The ingestion queue is full ({@code hub.agent.ingest-queue}); the source was not added. Retry later (429). */
public class IngestionBusyException extends RuntimeException {

    public IngestionBusyException() {
        super("The hub is still indexing many other sources; nothing was added. Retry in a minute.");
    }
}
