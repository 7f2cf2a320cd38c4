package io.resolvehub.core.internal.intake;

import io.resolvehub.core.channel.ChannelException;
import io.resolvehub.core.internal.support.LowPriorityThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Workers that claim inbound events from the database and hand them to the {@link EventHandler}.
 * <p>
 * They are platform threads on purpose. The web server's requests (every platform's acknowledgement) run on virtual
 * threads, which share one carrier per core and are never pre-empted: a virtual-thread worker busy in the model, the
 * index or a native call kept a carrier until it blocked, so on two cores two answering workers left no carrier for
 * the intake and acknowledgements waited hundreds of milliseconds behind answers. The operating system pre-empts
 * platform threads, and favours a thread that wakes from waiting, so a request's carrier gets a core within a time
 * slice however busy the workers are. They also run at a lower priority ({@code hub.pipeline.worker-niceness}), so
 * that the scheduler gives the requests a core first instead of sharing it evenly with as many workers as are busy.
 * Failures are retried with exponential backoff (at least a platform's {@code Retry-After}); after
 * {@code maxAttempts} the event is dead-lettered. Unfinished events of a previous run are found by the same claim
 * query on start (leases of a crashed instance expire).
 */
public class InboundWorkers implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(InboundWorkers.class);

    /** Tuning, bound from {@code hub.pipeline.*}; {@code niceness} lowers the workers' priority ({@link LowPriorityThreads}). */
    public record Settings(int workers, Duration pollInterval, Duration lease, int maxAttempts, Duration retryBackoff,
                           Duration maxRetryBackoff, int niceness) {
    }

    private final InboundEvents events;
    private final EventHandler handler;
    private final WorkSignal signal;
    private final Settings settings;
    private final Clock clock;
    private final String owner = "worker-" + UUID.randomUUID();
    private final AtomicBoolean running = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();
    private final java.util.Set<Long> inFlight = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public InboundWorkers(InboundEvents events, EventHandler handler, WorkSignal signal, Settings settings, Clock clock) {
        this.events = events;
        this.handler = handler;
        this.signal = signal;
        this.settings = settings;
        this.clock = clock;
    }

    public synchronized void start() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        ThreadFactory factory = LowPriorityThreads.of(
                Thread.ofPlatform().daemon().name("inbound-worker-", 0).factory(), settings.niceness());
        for (int i = 0; i < settings.workers(); i++) {
            Thread worker = factory.newThread(this::loop);
            worker.start();
            threads.add(worker);
        }
        if (settings.workers() > 0) {
            threads.add(Thread.ofVirtual().name("inbound-lease-keeper").start(this::keepLeases));
        }
        log.info("Started {} inbound workers ({})", settings.workers(), owner);
    }

    public synchronized void stop() {
        if (!running.compareAndSet(true, false)) {
            return;
        }
        threads.forEach(Thread::interrupt);
        for (Thread t : threads) {
            try {
                t.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }

    public boolean isRunning() {
        return running.get();
    }

    @Override
    public void close() {
        stop();
    }

    private void loop() {
        while (running.get()) {
            try {
                if (!runOnce()) {
                    signal.awaitWork(settings.pollInterval());
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // the database itself failed (e.g. connection lost): back off, keep the worker alive
                log.warn("Inbound worker could not claim work: {}", e.toString());
                try {
                    Thread.sleep(settings.pollInterval());
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    /** Claims and processes one event; false when there was nothing to do. Public for tests that drive it by hand. */
    public boolean runOnce() {
        Optional<StoredEvent> claimed = events.claim(owner, clock.instant(), settings.lease());
        if (claimed.isEmpty()) {
            return false;
        }
        process(claimed.get());
        return true;
    }

    /**
     * Processes an event this instance claimed (as {@link #owner()}): completes it, or puts it back for a later attempt,
     * or dead-letters it. The web channel's caller runs its own event through here instead of waiting for a worker.
     */
    public void process(StoredEvent event) {
        inFlight.add(event.id());
        try {
            EventCompletion completion = new EventCompletion(() -> events.complete(event.id(), owner, clock.instant()));
            handler.handle(event, completion);
            if (!completion.committed()) {
                events.complete(event.id(), owner, clock.instant());
            }
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            fail(event, e);
        } finally {
            inFlight.remove(event.id());
            signal.eventFinished(event.id());
        }
    }

    /** The lease owner this instance claims events as. */
    public String owner() {
        return owner;
    }

    public Duration lease() {
        return settings.lease();
    }

    /**
     * Renews the leases of the events this instance is working on every third of the lease, so a slow event (a long
     * Retry-After, a slow model) is never taken over by another instance while this one is alive, and the lease can be
     * short enough that a crashed instance's events are picked up again soon.
     */
    private void keepLeases() {
        Duration period = settings.lease().dividedBy(3);
        while (running.get()) {
            try {
                Thread.sleep(period);
                for (long id : inFlight) {
                    events.renewLease(id, owner, clock.instant().plus(settings.lease()));
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("Could not renew inbound event leases: {}", e.toString());
            }
        }
    }

    private void fail(StoredEvent event, Exception e) {
        String error = e.getClass().getSimpleName() + ": " + e.getMessage();
        if (event.attempts() >= settings.maxAttempts()) {
            log.error("Inbound event {} ({} {}) failed {} times; dead-lettered", event.id(),
                    event.message().channel(), event.message().platformEventId(), event.attempts(), e);
            // the follow-up first, so whoever waits for the event finds its outcome once it reads 'dead'
            try {
                handler.deadLettered(event, e);
            } catch (RuntimeException followUp) {
                log.error("Could not record the dead letter of event {}", event.id(), followUp);
            }
            events.deadLetter(event.id(), owner, clock.instant(), error);
            return;
        }
        Duration delay = backoff(event.attempts(), e);
        log.warn("Inbound event {} failed (attempt {} of {}), retrying in {}: {}", event.id(), event.attempts(),
                settings.maxAttempts(), delay, error);
        Instant retryAt = clock.instant().plus(delay);
        events.retryLater(event.id(), owner, retryAt, error);
    }

    Duration backoff(int attempts, Exception e) {
        Duration base = settings.retryBackoff().multipliedBy(1L << Math.min(attempts - 1, 16));
        Duration delay = base.compareTo(settings.maxRetryBackoff()) > 0 ? settings.maxRetryBackoff() : base;
        if (e instanceof ChannelException ce && ce.retryAfter() != null && ce.retryAfter().compareTo(delay) > 0) {
            delay = ce.retryAfter();
        }
        return delay;
    }
}
