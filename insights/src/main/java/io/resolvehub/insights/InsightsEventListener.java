package io.resolvehub.insights;

import io.resolvehub.core.Answer;
import io.resolvehub.core.Decision;
import io.resolvehub.core.event.AssumedResolutionReopened;
import io.resolvehub.core.event.ConversationClosedUnresolved;
import io.resolvehub.core.event.ConversationResolved;
import io.resolvehub.core.event.HandoffRequested;
import io.resolvehub.core.event.MessageAnswered;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import java.util.List;

/**
 * Follows core's conversation events. The opening question and every change of outcome are written by plain
 * {@link EventListener}s inside the publisher's transaction, so they commit with the conversation's own state. The
 * question's vector is computed after that commit, on the same thread and outside any transaction, so a slow or
 * failing model never holds the conversation's lock or undoes a reply; a question left without one is embedded when
 * its topic is assigned.
 */
class InsightsEventListener {

    private static final Logger log = LoggerFactory.getLogger(InsightsEventListener.class);

    private final InsightQuestions questions;
    private final QuestionEmbedder embedder;

    InsightsEventListener(InsightQuestions questions, QuestionEmbedder embedder) {
        this.questions = questions;
        this.embedder = embedder;
    }

    @EventListener
    void recordQuestion(MessageAnswered event) {
        if (event.question() == null || event.question().isBlank()) {
            return;
        }
        Answer answer = event.answer();
        boolean handedOff = answer.decision() == Decision.HANDOFF;
        String question = event.question().strip();
        questions.recordAsked(event.tenant(), event.conversation().value(), event.channel().id(), question,
                event.at(), handedOff ? Outcome.HANDED_OFF : Outcome.OPEN, GapRecheck.reply(answer), vectorAtHand(question));
    }

    /**
     * The question's vector if the agent's model computed it moments ago: stored with the question, it saves a write
     * of its own after the commit ({@link #keepVector}). Never runs the model inside the transaction.
     */
    private float[] vectorAtHand(String question) {
        try {
            return embedder.recent(question).orElse(null);
        } catch (RuntimeException e) {
            return null; // keepVector embeds it after the commit
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void keepVector(MessageAnswered event) {
        if (event.question() == null || event.question().isBlank()) {
            return;
        }
        String question = event.question().strip();
        try {
            if (!questions.waitsForVector(event.conversation().value(), question)) {
                return; // a later message of the conversation: only the opening question is kept
            }
            questions.storeVector(event.conversation().value(), embedder.embedAll(List.of(question)).getFirst());
        } catch (RuntimeException e) {
            log.info("Question of conversation {} not embedded now ({}); it will be when its topic is assigned",
                    event.conversation(), e.toString());
        }
    }

    @EventListener
    void handedOff(HandoffRequested event) {
        questions.recordOutcome(event.conversation().value(), Outcome.HANDED_OFF, event.reason().wire());
    }

    @EventListener
    void resolved(ConversationResolved event) {
        questions.recordOutcome(event.conversation().value(), Outcome.RESOLVED, null);
    }

    @EventListener
    void closedUnresolved(ConversationClosedUnresolved event) {
        questions.recordOutcome(event.conversation().value(), Outcome.UNRESOLVED, null);
    }

    @EventListener
    void reopened(AssumedResolutionReopened event) {
        questions.recordOutcome(event.conversation().value(), Outcome.OPEN, null);
    }
}
