package io.resolvehub.core.internal.conversation;

import io.resolvehub.core.channel.SentParts;

import java.util.function.BiConsumer;

/**
 * How far a reply's delivery got, recorded one part late: a part the connector posts is written when the next one has
 * gone out, or on failure ({@link #recordPending}), and the last one with the delivery mark itself
 * ({@link Transcripts#markDelivered(ReplyProgress, String, String, java.time.Instant)}), so a one-part reply costs one
 * commit instead of two. At most one posted part is unrecorded at any time, as when every part was recorded right after
 * its post: a process that dies after a post and before its record leaves the same state either way, which a re-run
 * reads as {@link SentParts#mayHavePosted} and looks for before posting again.
 */
public final class ReplyProgress {

    private final long turnId;
    private final SentParts parts;
    private final BiConsumer<Integer, String> writer;
    private Integer pendingCount;
    private String pendingId;

    ReplyProgress(long turnId, boolean interrupted, int count, String lastId, BiConsumer<Integer, String> writer) {
        this.turnId = turnId;
        this.writer = writer;
        this.parts = Transcripts.resumedParts(turnId, interrupted, count, lastId, this::sent);
    }

    /** What the connector is given. */
    public SentParts parts() {
        return parts;
    }

    long turnId() {
        return turnId;
    }

    /** Writes the part that went out last and is not recorded yet (the reply stopped after it). */
    public synchronized void recordPending() {
        if (pendingCount != null) {
            writer.accept(pendingCount, pendingId);
            pendingCount = null;
            pendingId = null;
        }
    }

    /** Parts posted so far, the last one included, for the delivery mark. */
    synchronized int count() {
        return parts.count();
    }

    private synchronized void sent(int count, String platformMessageId) {
        recordPending();
        pendingCount = count;
        pendingId = platformMessageId;
    }
}
