package io.resolvehub.core.internal.intake;

import io.resolvehub.core.InboundIntake;
import io.resolvehub.core.InboundMessage;
import org.springframework.transaction.support.TransactionOperations;

import java.time.Clock;
import java.util.OptionalLong;

/**
 * The durable front door: one INSERT (auto-committed, or in one transaction with the connector's bookkeeping) before
 * {@link #accept} returns, then a nudge to the local workers so the event is usually picked up at once instead of at
 * the next poll. One commit per event matters on the embedded H2: every commit writes the store under one lock that
 * the answering workers' commits take too, so each extra commit before the acknowledgement is another wait in line.
 */
public class JdbcInboundIntake implements InboundIntake {

    private final InboundEvents events;
    private final WorkSignal signal;
    private final TransactionOperations tx;
    private final Clock clock;

    public JdbcInboundIntake(InboundEvents events, WorkSignal signal, TransactionOperations tx, Clock clock) {
        this.events = events;
        this.signal = signal;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public Outcome accept(InboundMessage message) {
        return accepted(events.insert(message, clock.instant()));
    }

    @Override
    public Outcome accept(InboundMessage message, Runnable alongside) {
        return accepted(tx.execute(status -> {
            alongside.run();
            return events.insert(message, clock.instant());
        }));
    }

    private Outcome accepted(OptionalLong id) {
        if (id.isEmpty()) {
            return Outcome.DUPLICATE;
        }
        signal.workArrived();
        return Outcome.ACCEPTED;
    }
}
