package io.resolvehub.core;

import java.time.Duration;

/**
 * A background job another module hands to the hub's one db-scheduler (declare it as a bean): it runs every
 * {@link #interval()} on one hub instance at a time across the cluster, tracked in the {@code scheduled_tasks} table.
 * The first run is due as soon as the scheduler starts unless the cluster already has the job scheduled.
 */
public interface RecurringJob {

    /** Unique across the hub; the {@code scheduled_tasks} row is keyed by it, so keep it stable across releases. */
    String name();

    /** The pause between the end of one run and the start of the next; zero or negative disables the job. */
    Duration interval();

    /** One run. An exception is logged by the scheduler and the job runs again after the interval. */
    void run();
}
