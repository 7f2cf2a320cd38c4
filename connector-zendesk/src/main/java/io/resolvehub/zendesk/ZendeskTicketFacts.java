package io.resolvehub.zendesk;

import org.zendesk.client.v2.model.Comment;
import org.zendesk.client.v2.model.Status;
import org.zendesk.client.v2.model.Ticket;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongPredicate;

/**
 * What the hub needs to know about a ticket, read from the ticket and its comments: who owns the conversation and
 * which requester comments still wait for the AI.
 *
 * @param aiReplied            the AI has written a public comment
 * @param humanReplied         an agent other than the AI has written a public comment: the ticket belongs to them
 * @param waitingRequesterComments the requester's public comments after the AI's last public comment, oldest first
 */
record ZendeskTicketFacts(long ticketId, Status status, List<String> tags, long requesterId, String subject,
                          boolean aiReplied, boolean humanReplied, List<Comment> waitingRequesterComments) {

    /**
     * @param aiAuthorId who the AI's comments are written by
     * @param isAgent    whether a user is an agent or admin (an end user CC'd on the ticket is not)
     */
    static ZendeskTicketFacts of(Ticket ticket, List<Comment> comments, long aiAuthorId, LongPredicate isAgent) {
        long requester = ticket.getRequesterId() == null ? -1 : ticket.getRequesterId();
        boolean aiReplied = false;
        boolean humanReplied = false;
        List<Comment> waiting = new ArrayList<>();
        for (Comment comment : comments) {
            if (!Boolean.TRUE.equals(comment.isPublic()) || comment.getAuthorId() == null) {
                continue; // internal notes are agents talking among themselves
            }
            long author = comment.getAuthorId();
            if (author == aiAuthorId) {
                aiReplied = true;
                waiting.clear();
            } else if (author == requester) {
                waiting.add(comment);
            } else if (isAgent.test(author)) {
                humanReplied = true;
            }
        }
        List<String> tags = ticket.getTags() == null ? List.of() : List.copyOf(ticket.getTags());
        return new ZendeskTicketFacts(ticket.getId(), ticket.getStatus(), tags, requester,
                Objects.requireNonNullElse(ticket.getSubject(), ""), aiReplied, humanReplied, List.copyOf(waiting));
    }

    boolean escalated() {
        return tags.contains(ZendeskTags.AI_ESCALATED);
    }

    /** A ticket the hub itself opened for a hand-off from another channel. */
    boolean handoffTicketFromAnotherChannel() {
        return tags.contains(ZendeskTags.RESOLVEHUB);
    }

    boolean closed() {
        return status == Status.SOLVED || status == Status.CLOSED || status == Status.DELETED;
    }

    /** The AI may speak: no person has replied publicly and nobody has taken the ticket to the humans. */
    boolean aiMaySpeak() {
        return !humanReplied && !escalated() && !closed() && !handoffTicketFromAnotherChannel();
    }
}
