package io.resolvehub.teams;

/** Keys of the {@code replyContext} the Teams connector stores with an inbound event (opaque to core). */
final class TeamsReplyContext {

    /** The Bot Connector base URL the activity came from (validated against the token's {@code serviceurl} claim). */
    static final String SERVICE_URL = "serviceUrl";
    static final String CONVERSATION_ID = "conversationId";
    /** The activity being answered: replies go to {@code …/activities/{activityId}}. */
    static final String ACTIVITY_ID = "activityId";
    /** {@code personal}, {@code channel} or {@code groupChat}. */
    static final String CONVERSATION_TYPE = "conversationType";
    static final String TEAMS_TENANT_ID = "teamsTenantId";
    /** The sender's Teams user id ({@code 29:…}), for the member lookup behind a ticket's requester. */
    static final String USER_ID = "userId";
    /** For a card click: the hub's answer whose button was clicked. */
    static final String CARD_ACTIVITY_ID = "cardActivityId";

    private TeamsReplyContext() {
    }
}
