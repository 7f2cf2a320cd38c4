package io.resolvehub.zendesk;

import io.resolvehub.core.InboundMessage;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.channel.ChannelConnector;
import io.resolvehub.core.channel.ChannelException;
import io.resolvehub.core.channel.ConversationRef;
import io.resolvehub.core.channel.DeliveryReceipt;
import io.resolvehub.core.channel.HandoffRequest;
import io.resolvehub.core.channel.OutboundMessage;
import io.resolvehub.core.channel.TicketRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zendesk.client.v2.model.Comment;
import org.zendesk.client.v2.model.Status;
import org.zendesk.client.v2.model.Ticket;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One tenant's Zendesk: the AI's replies are public comments on the ticket (tagged {@code ai_answered}); a hand-off is
 * the public notice that a person will follow up, then one ticket update (internal note, hand-off group, tag
 * {@code ai_escalated}, status {@code open}). Before each write the ticket is read again, so the AI never speaks on a
 * ticket a person answered publicly in the meantime.
 */
final class ZendeskChannelConnector implements ChannelConnector {

    static final String SYSTEM = "zendesk";
    private static final Logger log = LoggerFactory.getLogger(ZendeskChannelConnector.class);

    private final TenantId tenant;
    private final ZendeskApi api;
    private final ZendeskMessageRenderer renderer;
    private final ZendeskTicketReader reader;

    ZendeskChannelConnector(TenantId tenant, ZendeskApi api, ZendeskMessageRenderer renderer, ZendeskTicketReader reader) {
        this.tenant = tenant;
        this.api = api;
        this.renderer = renderer;
        this.reader = reader;
    }

    /** The webhook's notice names its ticket: what the ticket asks now (see {@link ZendeskEventTranslator}). */
    @Override
    public Optional<InboundMessage> readChange(InboundMessage notice) {
        return reader.read(tenant, api, ticketId(notice.threadKey(), notice.replyContext()));
    }

    @Override
    public DeliveryReceipt send(OutboundMessage message) {
        long ticketId = ticketId(message.conversation());
        if (message.parts().count() > 0) {
            return DeliveryReceipt.of(Long.toString(ticketId)); // the one comment went out before a crash
        }
        Ticket ticket = api.ticket(ticketId).orElseThrow(() -> gone(ticketId));
        List<Comment> comments = api.comments(ticketId);
        ZendeskTicketFacts facts = ZendeskTicketFacts.of(ticket, comments, api.aiAuthorId(), api::isAgent);
        if (!facts.aiMaySpeak()) {
            // a person replied (or the ticket was escalated or solved) while the AI was thinking: it is theirs now
            log.info("Zendesk ticket {} of tenant {} is no longer the AI's (human reply {}, tags {}, status {}); answer not posted",
                    ticketId, tenant, facts.humanReplied(), facts.tags(), facts.status());
            return new DeliveryReceipt(null, java.util.Map.of());
        }
        String body = renderer.answer(message.answer(), message.feedbackControls());
        if (message.parts().mayHavePosted() && lastAiComment(comments).filter(body::equals).isPresent()) {
            // an interrupted attempt posted it and stopped before recording it
            log.info("Zendesk ticket {} of tenant {} already has this answer; not posted again", ticketId, tenant);
        } else {
            Comment comment = new Comment(body);
            comment.setPublic(true);
            comment.setAuthorId(api.aiAuthorId());
            Ticket update = new Ticket();
            update.setId(ticketId);
            update.setComment(comment);
            update.setTags(withTag(facts.tags(), ZendeskTags.AI_ANSWERED));
            message.parts().posting();
            api.update(update);
        }
        message.parts().sent(Long.toString(ticketId));
        return DeliveryReceipt.of(Long.toString(ticketId));
    }

    @Override
    public TicketRef handOff(HandoffRequest request) {
        ConversationRef ref = request.conversation().ref();
        long ticketId = ticketId(ref);
        TicketRef ref1 = new TicketRef(SYSTEM, Long.toString(ticketId), api.settings().agentTicketUrl(ticketId));
        if ("true".equals(ref.replyContext().get(ZendeskReplyContext.HUMAN_TOOK_OVER))) {
            return ref1; // a person already answers on the ticket: nothing to change, nothing to announce
        }
        Ticket ticket = api.ticket(ticketId).orElseThrow(() -> gone(ticketId));
        if (ticket.getStatus() == Status.CLOSED || ticket.getStatus() == Status.DELETED) {
            log.info("Zendesk ticket {} of tenant {} is closed; hand-off recorded without updating it", ticketId, tenant);
            return ref1;
        }
        // The requester is told in place that a person will follow up. Zendesk takes one comment per update
        // and the hand-off note must stay internal, so the notice is its own public comment, posted first: the
        // escalation below is then the ticket's last change, and a retry skips whichever part is already done.
        String noticeText = request.noticeFor(ref1);
        long aiAuthor = api.aiAuthorId();
        boolean noticed = api.comments(ticketId).stream().anyMatch(c -> publicByTheAi(c) && noticeText.equals(c.getBody()));
        if (!noticed) {
            Comment notice = new Comment(noticeText);
            notice.setPublic(true);
            notice.setAuthorId(aiAuthor);
            Ticket announcement = new Ticket();
            announcement.setId(ticketId);
            announcement.setComment(notice);
            api.update(announcement);
        }
        List<String> tags = ticket.getTags() == null ? List.of() : ticket.getTags();
        if (!tags.contains(ZendeskTags.AI_ESCALATED)) {
            // the hand-off itself: ONE update carrying the internal note, the group, the tag and the status
            Comment note = new Comment(renderer.handoffNote(request.conversation(), request.reason()));
            note.setPublic(false);
            Ticket escalation = new Ticket();
            escalation.setId(ticketId);
            escalation.setComment(note);
            escalation.setGroupId(api.settings().handoffGroupId());
            escalation.setTags(withTag(tags, ZendeskTags.AI_ESCALATED));
            escalation.setStatus(Status.OPEN);
            api.update(escalation);
        }
        return ref1;
    }

    /** The requester's own "that solved it" was already thanked on the ticket by the pipeline: nothing more to show. */
    @Override
    public void confirmResolved(ConversationRef conversation) {
    }

    /** The body of the ticket's last public comment, if the AI wrote it. */
    private Optional<String> lastAiComment(List<Comment> comments) {
        List<Comment> shown = comments.stream().filter(c -> Boolean.TRUE.equals(c.isPublic())).toList();
        return shown.isEmpty() || !publicByTheAi(shown.getLast()) ? Optional.empty() : Optional.ofNullable(shown.getLast().getBody());
    }

    private boolean publicByTheAi(Comment comment) {
        return Boolean.TRUE.equals(comment.isPublic()) && comment.getAuthorId() != null
                && comment.getAuthorId() == api.aiAuthorId();
    }

    static List<String> withTag(List<String> tags, String tag) {
        List<String> all = new ArrayList<>(tags == null ? List.of() : tags);
        if (!all.contains(tag)) {
            all.add(tag);
        }
        return all;
    }

    private static long ticketId(ConversationRef ref) {
        return ticketId(ref.threadKey(), ref.replyContext());
    }

    private static long ticketId(String threadKey, java.util.Map<String, String> replyContext) {
        String id = replyContext.getOrDefault(ZendeskReplyContext.TICKET_ID, threadKey);
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ChannelException.permanent("'" + id + "' is not a Zendesk ticket id", e);
        }
    }

    private ChannelException gone(long ticketId) {
        return ChannelException.permanent("Zendesk ticket " + ticketId + " of tenant " + tenant + " no longer exists", null);
    }
}
