package io.resolvehub.core.internal.resolution;

import io.resolvehub.core.ConversationId;
import io.resolvehub.core.ResolutionKind;
import io.resolvehub.core.internal.conversation.ConversationRecord;
import io.resolvehub.core.internal.conversation.ConversationStateMachine;
import io.resolvehub.core.internal.conversation.Conversations;
import io.resolvehub.core.internal.intake.InboundEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static io.resolvehub.core.ConversationStatus.OPEN;

/**
 * The assumed resolution: an open conversation whose last AI turn was an answer, with no hand-off, no negative
 * feedback and no word from the user for {@code silenceWindow}, is resolved ({@code assumed}). A conversation in which
 * the AI only asked clarifying questions is never resolved: after the same silence it is closed unresolved (billing
 * releases its hold). Run by db-scheduler ({@link ResolutionScheduler}) once across the cluster; each conversation is
 * re-checked under its row lock, so a racing message or a second sweep changes nothing.
 */
class AssumedResolutions {

    private static final Logger log = LoggerFactory.getLogger(AssumedResolutions.class);
    private static final int BATCH = 200;

    private final Conversations conversations;
    private final InboundEvents events;
    private final ConversationStateMachine states;
    private final TransactionTemplate tx;
    private final Duration silenceWindow;
    private final Clock clock;

    public AssumedResolutions(Conversations conversations, InboundEvents events, ConversationStateMachine states,
                              TransactionTemplate tx, Duration silenceWindow, Clock clock) {
        this.conversations = conversations;
        this.events = events;
        this.states = states;
        this.tx = tx;
        this.silenceWindow = silenceWindow;
        this.clock = clock;
    }

    /** One pass; returns how many conversations it resolved or closed. */
    public int sweep() {
        Instant cutoff = clock.instant().minus(silenceWindow);
        int changed = 0;
        for (ConversationId id : conversations.silentAfterAnswer(cutoff, BATCH)) {
            if (Boolean.TRUE.equals(tx.execute(s -> resolveIfStillSilent(id, cutoff)))) changed++;
        }
        for (ConversationId id : conversations.silentAfterClarifyOnly(cutoff, BATCH)) {
            if (Boolean.TRUE.equals(tx.execute(s -> closeIfStillSilent(id, cutoff)))) changed++;
        }
        if (changed > 0) {
            log.info("Assumed-resolution sweep changed {} conversations", changed);
        }
        return changed;
    }

    private boolean resolveIfStillSilent(ConversationId id, Instant cutoff) {
        ConversationRecord c = conversations.lock(id);
        boolean silent = c.status() == OPEN && c.aiAnswers() > 0 && !c.negativeFeedback()
                && c.lastDecision() == io.resolvehub.core.Decision.ANSWER
                && c.lastAiAnswerAt() != null && !c.lastAiAnswerAt().isAfter(cutoff)
                && (c.lastUserMessageAt() == null || !c.lastUserMessageAt().isAfter(c.lastAiAnswerAt()))
                && !events.hasUnfinished(c.tenant(), c.channel(), c.threadKey());
        return silent && states.resolve(c, ResolutionKind.ASSUMED);
    }

    private boolean closeIfStillSilent(ConversationId id, Instant cutoff) {
        ConversationRecord c = conversations.lock(id);
        boolean silent = c.status() == OPEN && c.aiAnswers() == 0 && c.clarifications() > 0
                && !c.updatedAt().isAfter(cutoff)
                && !events.hasUnfinished(c.tenant(), c.channel(), c.threadKey());
        return silent && states.closeUnresolved(c, "silent_after_clarifying_question");
    }
}
