package io.resolvehub.slack;

/** Keys of the {@code replyContext} the Slack connector stores with an inbound event (opaque to core). */
final class SlackReplyContext {

    static final String TEAM_ID = "teamId";
    static final String CHANNEL = "channel";
    static final String THREAD_TS = "threadTs";
    /** The ts of the hub's answer whose button was clicked. */
    static final String MESSAGE_TS = "messageTs";
    /** That answer's blocks (Slack JSON), so the click can replace its buttons with the outcome. */
    static final String MESSAGE_BLOCKS = "messageBlocks";

    private SlackReplyContext() {
    }
}
