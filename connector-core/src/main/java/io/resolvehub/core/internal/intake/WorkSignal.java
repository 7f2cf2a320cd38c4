package io.resolvehub.core.internal.intake;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * In-process wake-ups between the intake, the workers and callers waiting for an event to finish. Only an
 * optimisation: workers also poll the database, so events stored by another instance are found too.
 */
public class WorkSignal {

    private final Semaphore work = new Semaphore(0);
    private final ConcurrentHashMap<Long, CountDownLatch> finished = new ConcurrentHashMap<>();

    public void workArrived() {
        work.release();
    }

    /** Waits until work may have arrived or the timeout passes. */
    public void awaitWork(Duration timeout) throws InterruptedException {
        if (work.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            work.drainPermits();
        }
    }

    public void eventFinished(long eventId) {
        CountDownLatch latch = finished.remove(eventId);
        if (latch != null) {
            latch.countDown();
        }
        // a finished event may unblock the next event of its thread
        work.release();
    }

    /**
     * A latch this instance counts down when it finishes an attempt at {@code eventId}. Taken before the caller reads
     * the event's status, so a finish between the read and the wait is not missed.
     */
    public CountDownLatch watch(long eventId) {
        return finished.computeIfAbsent(eventId, id -> new CountDownLatch(1));
    }

    /** Drops a {@link #watch} nobody waits on any more. */
    public void forget(long eventId) {
        finished.remove(eventId);
    }
}
