package io.resolvehub.core.internal.intake;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Lets a handler mark its claimed event done inside the transaction of its own last write, so that the reply's
 * delivery mark and the event's completion are one commit instead of two, and neither is ever kept without the other.
 * The worker marks the event done itself only when the handler did not ({@link #committed()}).
 */
public final class EventCompletion {

    private final Runnable complete;
    private volatile boolean committed;

    EventCompletion(Runnable complete) {
        this.complete = complete;
    }

    /** Marks the event done as part of the caller's transaction; it counts once that transaction commits. */
    public void completeInTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("an event is completed inside the handler's transaction");
        }
        complete.run();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                committed = true;
            }
        });
    }

    /** Whether the handler's transaction that marked the event done has committed. */
    boolean committed() {
        return committed;
    }
}
