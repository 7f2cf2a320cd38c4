package io.resolvehub.core.internal.resolution;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.resolvehub.core.RecurringJob;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs {@link AssumedResolutions#sweep()} every {@code interval} through db-scheduler, whose
 * {@code scheduled_tasks} row makes the sweep run on one instance at a time across the cluster. The same (one)
 * scheduler runs the {@link RecurringJob}s of other modules; they are looked up at {@link #start()}, so their beans may
 * be created after this one.
 */
class ResolutionScheduler implements AutoCloseable {

    public static final String TASK = "assumed-resolution-sweep";

    private final DataSource dataSource;
    private final AssumedResolutions resolutions;
    private final Duration interval;
    private final Supplier<List<RecurringJob>> jobs;
    private Scheduler scheduler;

    public ResolutionScheduler(DataSource dataSource, AssumedResolutions resolutions, Duration interval) {
        this(dataSource, resolutions, interval, List::of);
    }

    public ResolutionScheduler(DataSource dataSource, AssumedResolutions resolutions, Duration interval,
                               Supplier<List<RecurringJob>> jobs) {
        this.dataSource = dataSource;
        this.resolutions = resolutions;
        this.interval = interval;
        this.jobs = jobs;
    }

    private Scheduler build() {
        List<RecurringTask<Void>> tasks = new ArrayList<>();
        tasks.add(Tasks.recurring(TASK, Schedules.fixedDelay(interval))
                .execute((instance, context) -> resolutions.sweep()));
        for (RecurringJob job : jobs.get()) {
            if (job.interval() != null && job.interval().isPositive()) {
                tasks.add(Tasks.recurring(job.name(), Schedules.fixedDelay(job.interval()))
                        .execute((instance, context) -> job.run()));
            }
        }
        Duration polling = interval.compareTo(Duration.ofSeconds(10)) < 0 ? interval : Duration.ofSeconds(10);
        return Scheduler.create(dataSource)
                .startTasks(tasks)
                .threads(1)
                .pollingInterval(polling.compareTo(Duration.ofMillis(200)) < 0 ? Duration.ofMillis(200) : polling)
                // An execution picked by an instance that then died stays its until these heartbeats are missed:
                // 4 × 5 s lets another instance take the job over within about 20 s instead of db-scheduler's
                // default half hour (and the 3 minutes the 30 s heartbeat gave).
                .heartbeatInterval(Duration.ofSeconds(5))
                .missedHeartbeatsLimit(4)
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

    public synchronized void start() {
        if (scheduler == null) {
            scheduler = build();
            scheduler.start();
        }
    }

    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.stop();
            scheduler = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
