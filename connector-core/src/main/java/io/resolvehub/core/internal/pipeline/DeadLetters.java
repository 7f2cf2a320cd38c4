package io.resolvehub.core.internal.pipeline;

import io.resolvehub.core.Answer;
import io.resolvehub.core.Decision;
import io.resolvehub.core.HandoffReason;
import io.resolvehub.core.InboundKind;
import io.resolvehub.core.InboundMessage;
import io.resolvehub.core.event.MessageAnswered;
import io.resolvehub.core.internal.conversation.AssistantTurn;
import io.resolvehub.core.internal.conversation.ConversationRecord;
import io.resolvehub.core.internal.conversation.ConversationStateMachine;
import io.resolvehub.core.internal.conversation.Conversations;
import io.resolvehub.core.internal.conversation.Transcripts;
import io.resolvehub.core.internal.intake.StoredEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import static io.resolvehub.core.ConversationStatus.OPEN;

/**
 * The follow-up of an event the workers gave up on, so that no failure is silent. When the user is waiting for a
 * reply, the open conversation is handed off ({@code engine_error}): its channel opens the ticket and tells the user
 * that a person will follow up. When the channel is what keeps failing, a hub-inbox ticket is opened instead, so a
 * person still sees the conversation. Other events (a confirmation, a platform close) stay visible as dead letters in
 * the inbox.
 */
class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final Conversations conversations;
    private final Transcripts transcripts;
    private final ConversationStateMachine states;
    private final HandoffDelivery handoffs;
    private final ApplicationEventPublisher publisher;
    private final TransactionTemplate tx;
    private final Clock clock;

    private final UserNotices notices;

    DeadLetters(Conversations conversations, Transcripts transcripts, ConversationStateMachine states,
                HandoffDelivery handoffs, UserNotices notices, ApplicationEventPublisher publisher,
                TransactionTemplate tx, Clock clock) {
        this.notices = notices;
        this.conversations = conversations;
        this.transcripts = transcripts;
        this.states = states;
        this.handoffs = handoffs;
        this.publisher = publisher;
        this.tx = tx;
        this.clock = clock;
    }

    void followUp(StoredEvent event, Exception lastFailure) {
        InboundMessage m = event.message();
        AssistantTurn handoff = tx.execute(s -> recordHandoff(event, lastFailure, clock.instant()));
        if (handoff == null) {
            return;
        }
        ConversationRecord c = conversations.findByThread(m.tenant(), m.channel(), m.threadKey()).orElseThrow();
        try {
            handoffs.deliver(c, m.replyContext(), handoff, true);
        } catch (RuntimeException channelFailed) {
            log.warn("Could not hand off conversation {} through {} after its event {} was dead-lettered; opening a "
                    + "hub inbox ticket instead: {}", c.id(), c.channel(), event.id(), channelFailed.toString());
            handoffs.deliverToHubInbox(c, handoff);
        }
    }

    /** Records the dead letter and, when a person must now take over, the hand-off turn to deliver; else null. */
    private AssistantTurn recordHandoff(StoredEvent event, Exception lastFailure, Instant now) {
        InboundMessage m = event.message();
        ConversationRecord c = conversations.findOrCreate(m.tenant(), m.channel(), m.threadKey(), m.user(),
                m.replyContext(), null, now);
        c = conversations.lock(c.id());
        transcripts.recordEvent(c.id(), "dead_letter", m.kind().name().toLowerCase(Locale.ROOT),
                lastFailure.getClass().getSimpleName() + ": " + lastFailure.getMessage(), now);
        Optional<AssistantTurn> existing = transcripts.assistantTurnFor(event.id());
        if (existing.isPresent() && existing.get().answer().decision() == Decision.HANDOFF) {
            // the hand-off was decided but its ticket could not be opened through the channel
            return c.ticket() == null ? existing.get() : null;
        }
        boolean userAwaitsReply = m.kind() == InboundKind.MESSAGE || m.kind() == InboundKind.HANDOFF_REQUEST
                || m.kind() == InboundKind.NEGATIVE_FEEDBACK || m.kind() == InboundKind.TOO_LONG;
        if (!userAwaitsReply || c.status() != OPEN || !states.escalate(c, HandoffReason.ENGINE_ERROR, event.id(), null)) {
            return null;
        }
        Answer handoff = notices.handoff(m.tenant(), HandoffReason.ENGINE_ERROR, 0.0);
        // an undelivered answer keeps its own turn; the hand-off is recorded beside it
        AssistantTurn turn = transcripts.recordAssistantTurn(c.id(), existing.isPresent() ? null : event.id(), handoff,
                now);
        publisher.publishEvent(new MessageAnswered(c.tenant(), c.id(), c.channel(), m.text(), handoff, now, m.receivedAt()));
        return turn;
    }
}
