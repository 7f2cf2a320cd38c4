package io.resolvehub.core.testing;

import io.resolvehub.core.InboundIntake;
import io.resolvehub.core.InboundMessage;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** For channel tests: an intake that keeps what it accepted and, like the real one, drops a platform event id it has seen. */
public final class RecordingIntake implements InboundIntake {

    private final List<InboundMessage> accepted = new CopyOnWriteArrayList<>();
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final AtomicInteger duplicates = new AtomicInteger();
    private volatile boolean failing;

    @Override
    public Outcome accept(InboundMessage message) {
        if (failing) {
            throw new IllegalStateException("database unavailable");
        }
        if (!seen.add(message.channel() + "/" + message.platformEventId())) {
            duplicates.incrementAndGet();
            return Outcome.DUPLICATE;
        }
        accepted.add(message);
        return Outcome.ACCEPTED;
    }

    /** Like the real intake's transaction: when storing fails, nothing of {@code alongside} stays either. */
    @Override
    public Outcome accept(InboundMessage message, Runnable alongside) {
        if (failing) {
            throw new IllegalStateException("database unavailable");
        }
        alongside.run();
        return accept(message);
    }

    public List<InboundMessage> accepted() {
        return List.copyOf(accepted);
    }

    public int duplicates() {
        return duplicates.get();
    }

    public void reset() {
        accepted.clear();
        seen.clear();
        duplicates.set(0);
        failing = false;
    }

    public void failing(boolean failing) {
        this.failing = failing;
    }
}
