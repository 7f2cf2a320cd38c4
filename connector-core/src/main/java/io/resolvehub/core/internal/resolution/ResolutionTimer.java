package io.resolvehub.core.internal.resolution;

import io.resolvehub.core.RecurringJob;
import io.resolvehub.core.internal.ResolutionProperties;
import io.resolvehub.core.internal.conversation.ConversationStateMachine;
import io.resolvehub.core.internal.conversation.Conversations;
import io.resolvehub.core.internal.intake.InboundEvents;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * The assumed-resolution sweep and the one db-scheduler that runs it beside other modules' recurring jobs, built
 * together so both stay package-private: the composition root starts and stops the timer, and this package's tests
 * run a sweep at once.
 */
public final class ResolutionTimer {

    private final AssumedResolutions sweep;
    private final ResolutionScheduler scheduler;

    /** @param recurringJobs other modules' jobs, resolved when the timer starts */
    public ResolutionTimer(DataSource dataSource, Conversations conversations, InboundEvents events,
                           ConversationStateMachine states, TransactionTemplate tx, ResolutionProperties settings,
                           Supplier<List<RecurringJob>> recurringJobs, Clock clock) {
        sweep = new AssumedResolutions(conversations, events, states, tx, settings.silenceWindow(), clock);
        Duration interval = settings.checkInterval() != null ? settings.checkInterval()
                : ResolutionScheduler.defaultInterval(settings.silenceWindow());
        scheduler = new ResolutionScheduler(dataSource, sweep, interval, recurringJobs);
    }

    public void start() {
        scheduler.start();
    }

    public void stop() {
        scheduler.stop();
    }

    /** One sweep now, as the timer runs it; how many conversations it resolved or closed. */
    int sweepNow() {
        return sweep.sweep();
    }
}
