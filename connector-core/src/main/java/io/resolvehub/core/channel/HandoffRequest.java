package io.resolvehub.core.channel;

import io.resolvehub.core.HandoffReason;

/**
 * Everything a connector needs to hand a conversation to a person.
 *
 * @param conversation the conversation, with its full transcript
 * @param reason       why
 * @param desk         where to open the ticket (ignored by channels that are themselves the ticket, like Zendesk)
 * @param noticeTemplate the message for the user; {@code {ticket}} is replaced by the ticket's display name
 * @param notice       whether the notice went out already (a resumed hand-off), and where the connector reports it
 */
public record HandoffRequest(ConversationView conversation, HandoffReason reason, TicketDesk desk,
                             String noticeTemplate, SentParts notice) {

    public HandoffRequest {
        notice = notice == null ? SentParts.none() : notice;
    }

    /** A hand-off that starts from the beginning. */
    public HandoffRequest(ConversationView conversation, HandoffReason reason, TicketDesk desk, String noticeTemplate) {
        this(conversation, reason, desk, noticeTemplate, SentParts.none());
    }

    /** The user-facing notice naming the ticket. */
    public String noticeFor(TicketRef ticket) {
        return noticeTemplate.replace("{ticket}", ticket == null ? "" : ticket.display());
    }
}
