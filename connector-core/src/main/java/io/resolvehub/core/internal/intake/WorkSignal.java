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

    /** Waits until this instance finishes {@code eventId} or the timeout passes. */
    public void awaitFinished(long eventId, Duration timeout) throws InterruptedException {
        CountDownLatch latch = finished.computeIfAbsent(eventId, id -> new CountDownLatch(1));
        latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
