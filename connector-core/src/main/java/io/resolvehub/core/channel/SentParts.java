package io.resolvehub.core.channel;

import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * How far a reply posted as several platform messages got: a connector posts only the parts after {@link #count()}
 * and reports each one with {@link #sent} as soon as the platform has it. The hub records every part durably, so a
 * reply interrupted by a crash or a failed call resumes where it stopped and no part is posted twice.
 */
public final class SentParts {

    private final BiConsumer<Integer, String> recorder;
    private int count;
    private String lastPlatformMessageId;

    private SentParts(int count, String lastPlatformMessageId, BiConsumer<Integer, String> recorder) {
        if (count < 0) {
            throw new IllegalArgumentException("parts sent: " + count);
        }
        this.count = count;
        this.lastPlatformMessageId = lastPlatformMessageId;
        this.recorder = Objects.requireNonNull(recorder, "recorder");
    }

    /** Nothing sent yet, nothing recorded beyond this object (a reply the hub does not resume, e.g. a test's). */
    public static SentParts none() {
        return new SentParts(0, null, (count, id) -> { });
    }

    /**
     * @param count    parts already posted
     * @param lastId   the platform's id of the last one, null when none
     * @param recorder called with the new count and the part's id after each part; it must be durable when it returns
     */
    public static SentParts resuming(int count, String lastId, BiConsumer<Integer, String> recorder) {
        return new SentParts(count, lastId, recorder);
    }

    /** How many parts went out already: the connector starts with the part at this index. */
    public synchronized int count() {
        return count;
    }

    /** The platform's id of the last part that went out, or null. */
    public synchronized String lastPlatformMessageId() {
        return lastPlatformMessageId;
    }

    /** The next part went out as {@code platformMessageId}. */
    public synchronized void sent(String platformMessageId) {
        recorder.accept(count + 1, platformMessageId);
        count++;
        lastPlatformMessageId = platformMessageId;
    }
}
