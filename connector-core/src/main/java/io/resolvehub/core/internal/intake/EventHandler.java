package io.resolvehub.core.internal.intake;

/** Processes one claimed inbound event. Must be idempotent: a crash may make the same event run again. */
public interface EventHandler {

    /**
     * Handles the event; a handler whose last step writes anyway may mark the event done in that transaction
     * ({@link EventCompletion#completeInTransaction}) instead of leaving it to a commit of the worker's own.
     */
    void handle(StoredEvent event, EventCompletion completion) throws Exception;

    /** Called once when the event is given up on (after the last attempt), so the failure becomes visible. */
    default void deadLettered(StoredEvent event, Exception lastFailure) {
    }
}
