package io.resolvehub.core.internal.resolution;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

import javax.sql.DataSource;
import java.time.Duration;

/**
 * Runs {@link AssumedResolutions#sweep()} every {@code interval} through db-scheduler, whose
 * {@code scheduled_tasks} row makes the sweep run on one instance at a time across the cluster.
 */
public class ResolutionScheduler implements AutoCloseable {

    public static final String TASK = "assumed-resolution-sweep";

    private final Scheduler scheduler;

    public ResolutionScheduler(DataSource dataSource, AssumedResolutions resolutions, Duration interval) {
        RecurringTask<Void> sweep = Tasks.recurring(TASK, Schedules.fixedDelay(interval))
                .execute((instance, context) -> resolutions.sweep());
        Duration polling = interval.compareTo(Duration.ofSeconds(10)) < 0 ? interval : Duration.ofSeconds(10);
        this.scheduler = Scheduler.create(dataSource)
                .startTasks(sweep)
                .threads(1)
                .pollingInterval(polling.compareTo(Duration.ofMillis(200)) < 0 ? Duration.ofMillis(200) : polling)
                .heartbeatInterval(Duration.ofSeconds(30))
                .shutdownMaxWait(Duration.ofSeconds(5))
                .build();
    }

    /** The default pace: a tenth of the silence window, between 1 second and 1 minute. */
    public static Duration defaultInterval(Duration silenceWindow) {
        Duration tenth = silenceWindow.dividedBy(10);
        if (tenth.compareTo(Duration.ofSeconds(1)) < 0) return Duration.ofSeconds(1);
        if (tenth.compareTo(Duration.ofMinutes(1)) > 0) return Duration.ofMinutes(1);
        return tenth;
    }

    public void start() {
        scheduler.start();
    }

    public void stop() {
        scheduler.stop();
    }

    @Override
    public void close() {
        stop();
    }
}
