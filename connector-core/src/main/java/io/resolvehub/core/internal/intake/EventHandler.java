package io.resolvehub.core.internal.intake;

/** Processes one claimed inbound event. Must be idempotent: a crash may make the same event run again. */
@FunctionalInterface
public interface EventHandler {

    void handle(StoredEvent event) throws Exception;

    /** Called once when the event is given up on (after the last attempt), so the failure becomes visible. */
    default void deadLettered(StoredEvent event, Exception lastFailure) {
    }
}
