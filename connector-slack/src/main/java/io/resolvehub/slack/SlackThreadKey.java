package io.resolvehub.slack;

/**
 * A Slack conversation's key in the hub: {@code <channel id>:<thread_ts>}, where {@code thread_ts} is the ts of the
 * thread's parent message (a top-level mention starts a thread on itself).
 */
record SlackThreadKey(String channel, String threadTs) {

    public static SlackThreadKey parse(String key) {
        int colon = key == null ? -1 : key.indexOf(':');
        if (colon <= 0 || colon == key.length() - 1) {
            throw new IllegalArgumentException("not a Slack thread key: " + key);
        }
        return new SlackThreadKey(key.substring(0, colon), key.substring(colon + 1));
    }

    /** The thread a message belongs to: its {@code thread_ts}, or its own {@code ts} when it is top-level. */
    public static SlackThreadKey of(String channel, String threadTs, String ts) {
        String thread = threadTs != null && !threadTs.isBlank() ? threadTs : ts;
        if (channel == null || channel.isBlank() || thread == null || thread.isBlank()) {
            throw new IllegalArgumentException("a Slack message without its channel or ts");
        }
        return new SlackThreadKey(channel, thread);
    }

    @Override
    public String toString() {
        return channel + ":" + threadTs;
    }
}
