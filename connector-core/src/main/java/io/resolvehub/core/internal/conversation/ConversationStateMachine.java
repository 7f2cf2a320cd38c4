package io.resolvehub.core.internal.conversation;

import io.resolvehub.core.ConversationStatus;
import io.resolvehub.core.HandoffReason;
import io.resolvehub.core.ResolutionKind;
import io.resolvehub.core.event.AssumedResolutionReopened;
import io.resolvehub.core.event.ConversationClosedUnresolved;
import io.resolvehub.core.event.ConversationResolved;
import io.resolvehub.core.event.HandoffRequested;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static io.resolvehub.core.ConversationStatus.ESCALATED;
import static io.resolvehub.core.ConversationStatus.OPEN;
import static io.resolvehub.core.ConversationStatus.RESOLVED;
import static io.resolvehub.core.ConversationStatus.UNRESOLVED;

/**
 * The conversation states and their transitions. Each transition is a conditional UPDATE (so a racing
 * second attempt changes nothing and publishes nothing), is written to {@code conversation_events}, and publishes its
 * event in the caller's transaction: billing's synchronous listeners commit or roll back with the state change.
 */
public class ConversationStateMachine {

    private final Conversations conversations;
    private final Transcripts transcripts;
    private final ApplicationEventPublisher publisher;
    private final Duration reopenWindow;
    private final Clock clock;

    public ConversationStateMachine(Conversations conversations, Transcripts transcripts,
                                    ApplicationEventPublisher publisher, Duration reopenWindow, Clock clock) {
        this.conversations = conversations;
        this.transcripts = transcripts;
        this.publisher = publisher;
        this.reopenWindow = reopenWindow;
        this.clock = clock;
    }

    /** open → escalated. Also refunds an assumed resolution the user came back from within the reopen window. */
    public boolean escalate(ConversationRecord c, HandoffReason reason, Long eventId, Double confidence) {
        requireTransaction();
        Instant now = clock.instant();
        if (!conversations.transition(c.id(), OPEN, ESCALATED, now)) {
            return false;
        }
        conversations.setHandoff(c.id(), reason, eventId, confidence, now);
        transcripts.recordEvent(c.id(), "handoff", reason.wire(), null, now);
        publisher.publishEvent(new HandoffRequested(c.tenant(), c.id(), c.channel(), reason, now));
        if (c.reopenedAfterAssumed()) {
            transcripts.recordEvent(c.id(), "assumed_resolution_reopened", reason.wire(), null, now);
            publisher.publishEvent(new AssumedResolutionReopened(c.tenant(), c.id(), c.channel(), now));
        }
        return true;
    }

    /** open → resolved, only after at least one AI answer (a conversation of clarifying questions is never resolved). */
    public boolean resolve(ConversationRecord c, ResolutionKind kind) {
        requireTransaction();
        if (c.aiAnswers() < 1) {
            return false;
        }
        Instant now = clock.instant();
        if (!conversations.transition(c.id(), OPEN, RESOLVED, now)) {
            return false;
        }
        conversations.setResolved(c.id(), kind, now);
        transcripts.recordEvent(c.id(), "resolved", kind.wire(), null, now);
        publisher.publishEvent(new ConversationResolved(c.tenant(), c.id(), c.channel(), c.aiAnswers(), kind, now));
        return true;
    }

    /** The platform closed an open conversation (a ticket solved): resolved after an AI answer, unresolved before. */
    public void closeByPlatform(ConversationRecord c) {
        if (c.status() == OPEN && c.aiAnswers() > 0) {
            resolve(c, ResolutionKind.TICKET_SOLVED);
        } else if (c.status() == OPEN) {
            closeUnresolved(c, "closed_by_platform");
        }
    }

    /** open → unresolved: closed without a resolution or hand-off; billing releases the hold. */
    public boolean closeUnresolved(ConversationRecord c, String why) {
        requireTransaction();
        Instant now = clock.instant();
        if (!conversations.transition(c.id(), OPEN, UNRESOLVED, now)) {
            return false;
        }
        conversations.setResolved(c.id(), null, now);
        transcripts.recordEvent(c.id(), "closed_unresolved", why, null, now);
        publisher.publishEvent(new ConversationClosedUnresolved(c.tenant(), c.id(), c.channel(), now));
        return true;
    }

    /**
     * escalated → resolved (by a person) or unresolved. Publishes no billing event: the hold was released at hand-off,
     * and a person's resolution is never charged.
     */
    public boolean closeByHuman(ConversationRecord c, boolean resolved, String by) {
        requireTransaction();
        Instant now = clock.instant();
        if (!conversations.transition(c.id(), ESCALATED, resolved ? RESOLVED : UNRESOLVED, now)) {
            return false;
        }
        conversations.setResolved(c.id(), null, now);
        transcripts.recordEvent(c.id(), "closed", resolved ? "resolved_by_human" : "unresolved", by, now);
        return true;
    }

    /** escalated → open with its AI turn counts reset, so the policy's max-turns rule starts over. */
    public boolean returnToAi(ConversationRecord c, String by) {
        requireTransaction();
        Instant now = clock.instant();
        if (!conversations.transition(c.id(), ESCALATED, OPEN, now)) {
            return false;
        }
        conversations.resetForAi(c.id());
        transcripts.recordEvent(c.id(), "returned_to_ai", null, by, now);
        return true;
    }

    /**
     * resolved / unresolved → open, when the user writes again. Remembers whether this undoes an assumed resolution
     * inside the reopen window, so that a hand-off that follows refunds it.
     */
    public ConversationRecord reopen(ConversationRecord c) {
        requireTransaction();
        ConversationStatus from = c.status();
        if (from != RESOLVED && from != UNRESOLVED) {
            return c;
        }
        Instant now = clock.instant();
        if (!conversations.transition(c.id(), from, OPEN, now)) {
            return conversations.lock(c.id());
        }
        boolean afterAssumed = from == RESOLVED && c.resolutionKind() == ResolutionKind.ASSUMED
                && c.resolvedAt() != null && !now.isAfter(c.resolvedAt().plus(reopenWindow));
        conversations.setReopened(c.id(), afterAssumed);
        transcripts.recordEvent(c.id(), "reopened", afterAssumed ? "within_reopen_window" : null, null, now);
        return conversations.lock(c.id());
    }

    private static void requireTransaction() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("conversation transitions must run inside the pipeline's transaction");
        }
    }

    /** The platform closed the conversation's ticket: solved when the AI had answered, unresolved otherwise. */
    public void closedByPlatform(ConversationRecord locked) {
        if (locked.status() == ConversationStatus.OPEN) {
            if (locked.aiAnswers() > 0) {
                resolve(locked, ResolutionKind.TICKET_SOLVED);
            } else {
                closeUnresolved(locked, "closed_by_platform");
            }
        }
    }
}
