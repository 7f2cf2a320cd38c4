package io.resolvehub.core;

import java.time.Instant;
import java.util.Optional;

/**
 * What the workers have not finished yet, across every instance sharing the database: the queue an operator watches
 * (a growing backlog means answers fall behind the intake). Each call reads the database.
 */
public interface InboundBacklog {

    /** Events stored and acknowledged but not yet answered (waiting, or being processed). */
    long pending();

    /** When the oldest of them was received; empty when nothing is pending. */
    Optional<Instant> oldestReceivedAt();
}
