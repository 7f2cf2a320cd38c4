package io.resolvehub.slack;

/** Keys of the {@code replyContext} the Slack connector stores with an inbound event (opaque to core). */
final class SlackReplyContext {

    static final String TEAM_ID = "teamId";
    static final String CHANNEL = "channel";
    static final String THREAD_TS = "threadTs";
    /**
     * The ts of the hub's answer whose button was clicked; its blocks are read back from Slack when its buttons are
     * replaced with the outcome ({@link SlackAnswerButtons}), never carried here.
     */
    static final String MESSAGE_TS = "messageTs";
    /**
     * The ts of a mention inside a thread the hub had not answered in: the worker fetches the thread's messages before
     * it ({@link SlackChannelConnector#earlierMessages}).
     */
    static final String EARLIER_BEFORE = "earlierBefore";
    /** The hub's own user in the workspace, so its earlier messages count as its turns and its mention is dropped. */
    static final String BOT_USER_ID = "botUserId";

    private SlackReplyContext() {
    }
}
