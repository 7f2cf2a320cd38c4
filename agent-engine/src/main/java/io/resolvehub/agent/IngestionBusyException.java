package io.resolvehub.agent;

/** The ingestion queue is full ({@code hub.agent.ingest-queue}); the source was not added or resynced. Retry later (429). */
public class IngestionBusyException extends RuntimeException {

    public IngestionBusyException() {
        super("The hub is still indexing many other sources; nothing was added. Retry in a minute.");
    }

    /** @param detail what was not done and when to retry, for the 429's {@code detail} */
    public IngestionBusyException(String detail) {
        super(detail);
    }
}
