package io.resolvehub.agent;

import io.resolvehub.agent.ingest.KnowledgeSources;
import io.resolvehub.core.RecurringJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Keeps web sources in sync: every {@code hub.agent.resync-interval} it queues each {@code url} and
 * {@code sitemap} source that is {@code ready} or {@code failed} and was last indexed longer ago than the interval,
 * through the same path as the admin's manual resync ({@link KnowledgeBase#resync}), so unchanged pages (ETag, content
 * hash) embed nothing. Uploaded files and pasted text are never re-synced: there is nothing to fetch again.
 * <p>
 * Runs as a {@link RecurringJob} on connector-core's db-scheduler: once across the cluster.
 */
final class KnowledgeResync implements RecurringJob {

    public static final String NAME = "knowledge-resync";

    /** What one run did: sources queued, and sources due that wait for the next run (the ingestion queue was full). */
    public record Outcome(int queued, int waiting) {
    }

    private static final Logger log = LoggerFactory.getLogger(KnowledgeResync.class);

    private final KnowledgeSources sources;
    private final KnowledgeBase knowledge;
    private final Duration interval;
    private final Clock clock;

    public KnowledgeResync(KnowledgeSources sources, KnowledgeBase knowledge, Duration interval, Clock clock) {
        this.sources = sources;
        this.knowledge = knowledge;
        this.interval = interval == null ? Duration.ZERO : interval;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Duration interval() {
        return interval;
    }

    @Override
    public void run() {
        resyncDue();
    }

    /** Queues every web source due for a re-sync, oldest first, until the ingestion queue is full. */
    public Outcome resyncDue() {
        if (!interval.isPositive()) {
            return new Outcome(0, 0);
        }
        List<KnowledgeSource> due = sources.webSourcesFinishedBefore(clock.instant().minus(interval));
        int queued = 0;
        for (KnowledgeSource source : due) {
            try {
                // Empty when the source was deleted meanwhile: nothing to do.
                if (knowledge.resync(source.tenant(), source.id()).isPresent()) {
                    queued++;
                }
            } catch (IngestionBusyException e) {
                // The queue is full (the resync changed nothing): the rest are still due at the next run.
                break;
            }
        }
        int waiting = due.size() - queued;
        log.info("Knowledge re-sync: queued {} web source(s) last indexed more than {} ago{}", queued, interval,
                waiting > 0 ? "; " + waiting + " wait for the next run (ingestion queue full)" : "");
        return new Outcome(queued, waiting);
    }
}
