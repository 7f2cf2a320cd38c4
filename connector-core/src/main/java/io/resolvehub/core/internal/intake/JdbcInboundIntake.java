package io.resolvehub.core.internal.intake;

import io.resolvehub.core.InboundIntake;
import io.resolvehub.core.InboundMessage;

import java.time.Clock;
import java.util.OptionalLong;

/**
 * The durable front door: one INSERT (auto-committed) before {@link #accept} returns, then a nudge to the local
 * workers so the event is usually picked up at once instead of at the next poll.
 */
public class JdbcInboundIntake implements InboundIntake {

    private final InboundEvents events;
    private final WorkSignal signal;
    private final Clock clock;

    public JdbcInboundIntake(InboundEvents events, WorkSignal signal, Clock clock) {
        this.events = events;
        this.signal = signal;
        this.clock = clock;
    }

    @Override
    public Outcome accept(InboundMessage message) {
        OptionalLong id = events.insert(message, clock.instant());
        if (id.isEmpty()) {
            return Outcome.DUPLICATE;
        }
        signal.workArrived();
        return Outcome.ACCEPTED;
    }
}
