package io.resolvehub.zendesk;

import io.resolvehub.core.ChannelType;
import io.resolvehub.core.InboundKind;
import io.resolvehub.core.InboundMessage;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.UserRef;
import org.zendesk.client.v2.model.Comment;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns a ticket's state into what it asks of the hub, whatever webhook event announced it:
 * <ul>
 *   <li>requester comments the AI has not answered, on a new ticket or one the AI owns → a message to answer;</li>
 *   <li>a person replied publicly on a ticket the AI had answered → the conversation goes to them (a hand-off that
 *       leaves the ticket alone), so it is never billed and the AI never speaks there again;</li>
 *   <li>solved with no human public reply after the AI answered → closed by the platform, which core counts as a
 *       {@code ticket_solved} resolution.</li>
 * </ul>
 * Event ids name the ticket state, not the webhook delivery, so two webhooks about the same comment (a trigger on
 * "created" and one on "updated", or a redelivery) make one event. They start with the tenant and ticket: the intake
 * drops repeated ids per channel, and two tenants' Zendesk accounts may well number their tickets and comments alike.
 */
final class ZendeskEventTranslator {

    Optional<InboundMessage> translate(TenantId tenant, ZendeskTicketFacts ticket, UserRef requester, Instant now) {
        if (ticket.handoffTicketFromAnotherChannel()) {
            return Optional.empty();
        }
        String threadKey = Long.toString(ticket.ticketId());
        String eventPrefix = tenant.value() + "/ticket/" + threadKey + "/";
        Map<String, String> context = new HashMap<>();
        context.put(ZendeskReplyContext.TICKET_ID, threadKey);
        boolean aiStillOwns = ticket.aiReplied() && !ticket.escalated();
        if (aiStillOwns && ticket.humanReplied()) {
            context.put(ZendeskReplyContext.HUMAN_TOOK_OVER, "true");
            return Optional.of(new InboundMessage(tenant, ChannelType.ZENDESK, eventPrefix + "taken-over",
                    threadKey, InboundKind.HANDOFF_REQUEST, "", requester, context, now));
        }
        if (ticket.closed()) {
            return aiStillOwns
                    ? Optional.of(new InboundMessage(tenant, ChannelType.ZENDESK, eventPrefix + "solved",
                    threadKey, InboundKind.CLOSED_BY_PLATFORM, "", requester, context, now))
                    : Optional.empty();
        }
        List<Comment> waiting = ticket.waitingRequesterComments();
        if (!ticket.aiMaySpeak() || waiting.isEmpty()) {
            return Optional.empty();
        }
        Comment last = waiting.getLast();
        context.put(ZendeskReplyContext.COMMENT_ID, String.valueOf(last.getId()));
        String text = waiting.stream().map(ZendeskEventTranslator::text).filter(t -> !t.isBlank())
                .collect(Collectors.joining("\n\n"));
        if (!ticket.aiReplied() && !ticket.subject().isBlank() && !text.contains(ticket.subject().strip())) {
            text = ticket.subject().strip() + "\n\n" + text; // a new ticket: the subject is part of the question
        }
        return Optional.of(new InboundMessage(tenant, ChannelType.ZENDESK, eventPrefix + "comment/" + last.getId(), threadKey,
                InboundKind.MESSAGE, text.strip(), requester, context, now));
    }

    private static String text(Comment comment) {
        String body = comment.getBody();
        return body == null ? "" : body.strip();
    }
}
