package io.resolvehub.zendesk;

/** Keys of the reply context the webhook stores with each event, read back when the hub replies on the ticket. */
final class ZendeskReplyContext {

    static final String TICKET_ID = "zendesk.ticketId";
    static final String COMMENT_ID = "zendesk.commentId";
    /** Set on the event that hands a ticket to the human agent who already replied on it: the ticket is left as is. */
    static final String HUMAN_TOOK_OVER = "zendesk.humanTookOver";

    private ZendeskReplyContext() {
    }
}
