package io.resolvehub.zendesk;

/** The ticket tags the hub reads and writes. */
final class ZendeskTags {

    /** On a ticket the AI answered. */
    static final String AI_ANSWERED = "ai_answered";
    /** On a ticket the AI handed to a person: from then on it belongs to the humans. */
    static final String AI_ESCALATED = "ai_escalated";
    /** On a ticket the hub opened for a hand-off from another channel (Slack, Teams): not a conversation to answer. */
    static final String RESOLVEHUB = "resolvehub";

    private ZendeskTags() {
    }
}
