package io.resolvehub.core.channel;

import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * How far a reply posted as several platform messages got: a connector posts only the parts after {@link #count()}
 * and reports each one with {@link #sent} as soon as the platform has it. The hub records every part durably, so a
 * reply interrupted by a crash or a failed call resumes where it stopped and no part is posted twice.
 *
 * <p>One window is left between the platform accepting a part and the hub recording it: a crash (or a call that timed
 * out after the platform had it) there. A reply resumed after such an interruption {@link #mayHavePosted() may have
 * posted} the part at {@link #count()}; a connector whose platform can be asked looks for the part by its
 * {@link #partKey key} (e.g. Slack message metadata) before posting it again.
 */
public final class SentParts {

    private final String replyKey;
    private final BiConsumer<Integer, String> recorder;
    private int count;
    private String lastPlatformMessageId;
    private boolean uncertain;

    private SentParts(String replyKey, boolean interrupted, int count, String lastPlatformMessageId,
                      BiConsumer<Integer, String> recorder) {
        if (count < 0) {
            throw new IllegalArgumentException("parts sent: " + count);
        }
        this.replyKey = replyKey;
        this.uncertain = interrupted;
        this.count = count;
        this.lastPlatformMessageId = lastPlatformMessageId;
        this.recorder = Objects.requireNonNull(recorder, "recorder");
    }

    /** Nothing sent yet, nothing recorded beyond this object (a reply the hub does not resume, e.g. a test's). */
    public static SentParts none() {
        return new SentParts(null, false, 0, null, (count, id) -> { });
    }

    /**
     * @param replyKey    the reply's stable name, the same in every attempt to deliver it; null when it has none
     * @param interrupted whether an earlier attempt may have stopped between posting a part and recording it
     * @param count       parts already posted
     * @param lastId      the platform's id of the last one, null when none
     * @param recorder    called with the new count and the part's id after each part; it must be durable when it returns
     */
    public static SentParts resuming(String replyKey, boolean interrupted, int count, String lastId,
                                     BiConsumer<Integer, String> recorder) {
        return new SentParts(replyKey, interrupted, count, lastId, recorder);
    }

    /** How many parts went out already: the connector starts with the part at this index. */
    public synchronized int count() {
        return count;
    }

    /** The platform's id of the last part that went out, or null. */
    public synchronized String lastPlatformMessageId() {
        return lastPlatformMessageId;
    }

    /**
     * Whether the part at {@link #count()} may be on the platform already though it was never recorded: true after an
     * interrupted attempt and after a {@link #posting() post} that did not report back.
     */
    public synchronized boolean mayHavePosted() {
        return uncertain && replyKey != null;
    }

    /** The name of the reply's part at {@code index}, stable across attempts, for the platform to keep; null when none. */
    public String partKey(int index) {
        return replyKey == null ? null : replyKey + "." + index;
    }

    /** The next part is about to go out: until {@link #sent} reports it, a retry must look for it first. */
    public synchronized void posting() {
        uncertain = true;
    }

    /** The next part went out as {@code platformMessageId}. */
    public synchronized void sent(String platformMessageId) {
        recorder.accept(count + 1, platformMessageId);
        count++;
        lastPlatformMessageId = platformMessageId;
        uncertain = false;
    }
}
