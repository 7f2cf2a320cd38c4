package io.resolvehub.zendesk;

import io.resolvehub.core.HandoffReason;
import io.resolvehub.core.UserRef;
import io.resolvehub.core.channel.PlatformCalls;
import io.resolvehub.core.channel.ConversationView;
import io.resolvehub.core.channel.TicketDesk;
import io.resolvehub.core.channel.TicketRef;
import org.zendesk.client.v2.model.Comment;
import org.zendesk.client.v2.model.Ticket;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A tenant's Zendesk as the desk for hand-offs from chat channels: a ticket with the requester, a subject,
 * the whole transcript as its first (internal) comment and the link back to the thread, tagged {@code resolvehub}.
 * A retry never opens a second ticket: the ticket carries {@code external_id = resolvehub:<conversation>}, looked up
 * before creating, and is created with that value as its {@code Idempotency-Key}.
 */
final class ZendeskTicketDesk implements TicketDesk {

    private final ZendeskApi api;
    private final ZendeskMessageRenderer renderer;
    private final PlatformCalls retry;

    ZendeskTicketDesk(ZendeskApi api, ZendeskMessageRenderer renderer, PlatformCalls retry) {
        this.api = api;
        this.renderer = renderer;
        this.retry = retry;
    }

    /** Retries rate limits and outages briefly (the client itself never retries), honouring {@code Retry-After}. */
    static PlatformCalls retry(int attempts, Duration maxRetryAfter) {
        return new PlatformCalls("Zendesk desk", new PlatformCalls.Limits(attempts, Duration.ofMillis(200),
                maxRetryAfter, 0));
    }

    static String externalId(ConversationView conversation) {
        return "resolvehub:" + conversation.ref().id().value();
    }

    @Override
    public TicketRef openTicket(ConversationView conversation, HandoffReason reason, String threadLink) {
        String externalId = externalId(conversation);
        Ticket ticket = retry.call(() -> {
            List<Ticket> existing = api.ticketsByExternalId(externalId);
            if (!existing.isEmpty()) {
                return existing.getFirst();
            }
            return api.createIdempotent(newTicket(conversation, reason, threadLink, externalId), externalId);
        });
        return new TicketRef(ZendeskChannelConnector.SYSTEM, Long.toString(ticket.getId()),
                api.settings().agentTicketUrl(ticket.getId()));
    }

    private Ticket newTicket(ConversationView conversation, HandoffReason reason, String threadLink, String externalId) {
        Comment transcript = new Comment(renderer.transcript(conversation, reason, threadLink));
        transcript.setPublic(false); // confidences and sources are for the agents
        Ticket ticket = new Ticket();
        ticket.setSubject(renderer.subject(conversation));
        ticket.setComment(transcript);
        ticket.setExternalId(externalId);
        ticket.setTags(new ArrayList<>(List.of(ZendeskTags.RESOLVEHUB)));
        ticket.setGroupId(api.settings().handoffGroupId());
        UserRef user = conversation.ref().user();
        if (user.email() != null && !user.email().isBlank()) {
            ticket.setRequester(new Ticket.Requester(user.displayName() != null ? user.displayName() : user.email(), user.email()));
        } else if (user.displayName() != null && !user.displayName().isBlank()) {
            ticket.setRequester(new Ticket.Requester(user.displayName()));
        }
        return ticket;
    }
}
