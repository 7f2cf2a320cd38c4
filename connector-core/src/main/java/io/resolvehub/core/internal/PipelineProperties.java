package io.resolvehub.core.internal;

import io.resolvehub.core.internal.conversation.Transcripts;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code hub.pipeline.*}: the conversation pipeline's workers and resilience settings.
 *
 * @param workers              worker threads per instance claiming inbound events; default the number of processors
 *                             the JVM may use, at least 2 (see {@link #defaultWorkers()})
 * @param pollInterval         how often idle workers look for events stored by other instances; default PT1S
 * @param lease                how long a claimed event stays reserved without a renewal (the working instance renews it
 *                             every third of it); after a crash, its events are picked up again after this; default PT1M
 * @param maxAttempts          attempts before an event is dead-lettered; default 5
 * @param retryBackoff         first retry delay of a failed event, doubled per attempt; default PT2S
 * @param maxRetryBackoff      longest delay between attempts; default PT5M
 * @param engineTimeout        time limit of one answer-engine call (then: engine_error hand-off); default PT20S
 * @param webReplyTimeout      how long a web-channel REST call waits for its reply; default PT30S
 * @param channelRetryAttempts attempts of one platform call (429/5xx) inside an event; default 3
 * @param channelMaxInlineWait longest Retry-After waited for inside an event (longer: the event is retried later);
 *                             default PT10S
 * @param channelRetryBackoff  first wait between attempts of one platform call, doubled per attempt; default PT0.5S
 * @param maxTurns             turns one conversation's transcript holds at most; a message after that hands the
 *                             conversation to a person (max_turns) once and is not kept, nor are later ones; default 200
 * @param workerNiceness       how many Linux nice steps (0–19) below the hub's other threads the workers and the answer
 *                             engine's calls run, so that acknowledgements get a core before answering does; default 10
 */
@ConfigurationProperties("hub.pipeline")
public record PipelineProperties(Integer workers, Duration pollInterval, Duration lease, Integer maxAttempts,
                                 Duration retryBackoff, Duration maxRetryBackoff, Duration engineTimeout,
                                 Duration webReplyTimeout, Integer channelRetryAttempts,
                                 Duration channelMaxInlineWait, Duration channelRetryBackoff, Integer maxTurns,
                                 Integer workerNiceness) {

    public PipelineProperties {
        workers = workers == null ? defaultWorkers() : workers;
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        lease = lease == null ? Duration.ofMinutes(1) : lease;
        maxAttempts = maxAttempts == null ? 5 : maxAttempts;
        retryBackoff = retryBackoff == null ? Duration.ofSeconds(2) : retryBackoff;
        maxRetryBackoff = maxRetryBackoff == null ? Duration.ofMinutes(5) : maxRetryBackoff;
        engineTimeout = engineTimeout == null ? Duration.ofSeconds(20) : engineTimeout;
        webReplyTimeout = webReplyTimeout == null ? Duration.ofSeconds(30) : webReplyTimeout;
        channelRetryAttempts = channelRetryAttempts == null ? 3 : channelRetryAttempts;
        channelMaxInlineWait = channelMaxInlineWait == null ? Duration.ofSeconds(10) : channelMaxInlineWait;
        channelRetryBackoff = channelRetryBackoff == null ? Duration.ofMillis(500) : channelRetryBackoff;
        maxTurns = maxTurns == null ? Transcripts.MAX_TURNS : maxTurns;
        if (maxTurns < 10) {
            throw new IllegalArgumentException("hub.pipeline.max-turns must be at least 10, not " + maxTurns);
        }
        workerNiceness = workerNiceness == null ? 10 : workerNiceness;
        if (workerNiceness < 0 || workerNiceness > 19) {
            throw new IllegalArgumentException("hub.pipeline.worker-niceness must be from 0 (the hub's own priority) "
                    + "to 19 nice steps below it, not " + workerNiceness);
        }
    }

    /**
     * One worker per processor: the extractive agent answers on the CPU, and more workers than cores only queue the
     * acknowledgements behind their commits and context switches (on two cores, 4 workers gave an acknowledgement p99 of
     * 52–82 ms at 200 events/s, 2 workers 26–39 ms, with the same answers per second: docs/benchmarks.md). At least 2,
     * so one slow answer never holds up the rest. An agent whose answers wait on a remote language model wants more.
     */
    static int defaultWorkers() {
        return Math.max(2, Runtime.getRuntime().availableProcessors());
    }

    public static PipelineProperties defaults() {
        return new PipelineProperties(null, null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
