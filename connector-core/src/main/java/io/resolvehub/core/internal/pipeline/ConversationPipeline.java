package io.resolvehub.core.internal.pipeline;

import io.resolvehub.core.Answer;
import io.resolvehub.core.AnswerRequest;
import io.resolvehub.core.ChatTurn;
import io.resolvehub.core.CoinMeter;
import io.resolvehub.core.Decision;
import io.resolvehub.core.HandoffReason;
import io.resolvehub.core.InboundKind;
import io.resolvehub.core.InboundMessage;
import io.resolvehub.core.ResolutionKind;
import io.resolvehub.core.conversation.HandoffPolicies;
import io.resolvehub.core.conversation.HandoffPolicy;
import io.resolvehub.core.event.MessageAnswered;
import io.resolvehub.core.internal.conversation.AssistantTurn;
import io.resolvehub.core.internal.conversation.ConversationRecord;
import io.resolvehub.core.internal.conversation.ConversationStateMachine;
import io.resolvehub.core.internal.conversation.Conversations;
import io.resolvehub.core.internal.conversation.Transcripts;
import io.resolvehub.core.internal.intake.EventCompletion;
import io.resolvehub.core.internal.intake.EventHandler;
import io.resolvehub.core.internal.intake.StoredEvent;
import io.resolvehub.core.internal.policy.PersonRequests;
import io.resolvehub.core.internal.policy.Phrases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.resolvehub.core.ConversationStatus.ESCALATED;
import static io.resolvehub.core.ConversationStatus.OPEN;

/**
 * Decides what the hub does with one inbound event: answer, clarify, hand off, resolve, or stay silent.
 *
 * <p>Each event runs in up to three steps: a transaction that records the user's turn and applies the checks that
 * need no agent (conversation state, human phrases, the coin hold); the agent call outside any transaction; a
 * transaction that records the reply and any state change with its events. Only then is the reply posted. The
 * assistant turn is keyed by the inbound event, so an event re-run after a crash re-posts an undelivered reply instead
 * of asking the agent again.
 */
class ConversationPipeline implements EventHandler {

    private static final Logger log = LoggerFactory.getLogger(ConversationPipeline.class);

    private final Conversations conversations;
    private final Transcripts transcripts;
    private final ConversationStateMachine states;
    private final HandoffPolicies policies;
    private final CoinMeter coinMeter;
    private final GuardedAnswerEngine engine;
    private final ReplyDelivery replies;
    private final HandoffDelivery handoffs;
    private final DeadLetters deadLetters;
    private final ApplicationEventPublisher publisher;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final PersonRequests personRequests;
    private final UserNotices notices;
    private final HandoffRules rules;

    public ConversationPipeline(Conversations conversations, Transcripts transcripts, ConversationStateMachine states,
                                HandoffPolicies policies, PersonRequests personRequests, CoinMeter coinMeter,
                                GuardedAnswerEngine engine, ReplyDelivery replies, HandoffDelivery handoffs,
                                UserNotices notices, ApplicationEventPublisher publisher, TransactionTemplate tx,
                                Clock clock) {
        this.notices = notices;
        this.rules = new HandoffRules(notices);
        this.conversations = conversations;
        this.transcripts = transcripts;
        this.states = states;
        this.policies = policies;
        this.personRequests = personRequests;
        this.coinMeter = coinMeter;
        this.engine = engine;
        this.replies = replies;
        this.handoffs = handoffs;
        this.deadLetters = new DeadLetters(conversations, transcripts, states, handoffs, notices, publisher, tx, clock);
        this.publisher = publisher;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void handle(StoredEvent event, EventCompletion completion) {
        InboundMessage m = event.message();
        Optional<EventConversation> thread = EventConversation.of(m, conversations, tx, clock.instant());
        if (thread.isEmpty()) {
            return; // a ticket the hub never took part in was closed: nothing to settle
        }
        ConversationRecord found = thread.get().found();
        // Only an event claimed before can have a recorded turn: each claim counts an attempt.
        Optional<AssistantTurn> recorded = event.attempts() > 1 ? transcripts.assistantTurnFor(event.id()) : Optional.empty();
        if (recorded.isPresent()) {
            // a re-run after a crash: the decision is made, make sure the user got it
            deliver(found, m, recorded.get(), true, completion);
            return;
        }
        Step step = switch (m.kind()) {
            case MESSAGE, TOO_LONG -> {
                // a model and the platform are asked before the transaction, not while holding the conversation's lock
                boolean asksForPersonByMeaning = m.kind() == InboundKind.MESSAGE && personRequests.byMeaning(m.text());
                StoredEvent withEarlier = found.aiAnswers() > 0 || m.kind() == InboundKind.TOO_LONG ? event
                        : new StoredEvent(event.id(), m.withPriorTurns(replies.earlierMessages(found,
                        m.replyContext())), event.attempts());
                yield tx.execute(s -> firstStepOfMessage(thread.get().lock(), withEarlier, asksForPersonByMeaning));
            }
            case HANDOFF_REQUEST -> tx.execute(s -> handoffOnRequest(found, event, HandoffReason.USER_REQUEST));
            case NEGATIVE_FEEDBACK -> tx.execute(s -> handoffOnRequest(found, event, HandoffReason.NEGATIVE_FEEDBACK));
            case RESOLVED -> tx.execute(s -> confirm(found, event, ResolutionKind.CONFIRMED, false));
            case CLOSED_BY_PLATFORM -> tx.execute(s -> {
                states.closeByPlatform(conversations.lock(found.id()));
                return new Step.Silent();
            });
            case CHANGED -> throw new IllegalArgumentException("a change notice is read by ChangeNotices, not answered");
        };
        ConversationRecord conversation = thread.get().stored();
        switch (step) {
            case Step.Silent silent -> { }
            case Step.Reply reply -> deliver(conversation, m, reply.turn(), false, completion);
            case Step.Confirmed confirmed -> replies.confirmResolved(conversation, m.replyContext());
            case Step.AskAgent ask -> deliver(conversation, m, askAgent(event, ask), false, completion);
        }
    }

    /** @param c the conversation, locked (and created, for a message that opens its thread) in this transaction */
    private Step firstStepOfMessage(ConversationRecord c, StoredEvent event, boolean asksForPersonByMeaning) {
        InboundMessage m = event.message();
        Instant now = clock.instant();
        if (transcripts.full(c.id())) { // as long as a transcript may grow: a person takes it over, then nothing more is kept
            return c.status() == ESCALATED ? new Step.Silent() : handOff(states.reopen(c), event, HandoffReason.MAX_TURNS, null);
        }
        transcripts.recordUserTurn(c.id(), event.id(), m.text(), m.receivedAt());
        conversations.recordUserMessage(c.id(), m.replyContext(), m.user(), now);
        if (c.status() == ESCALATED) {
            transcripts.recordEvent(c.id(), "ai_silent", "escalated", null, now);
            return new Step.Silent();
        }
        if (m.kind() == InboundKind.TOO_LONG) { // asked to shorten it: no agent, no coin hold, no change of state
            return new Step.Reply(record(c, event, notices.tooLong(c.tenant())));
        }
        c = states.reopen(c);
        if (c.aiAnswers() > 0 && Phrases.confirmsResolution(m.text())) {
            return confirm(c, event, ResolutionKind.CONFIRMED, true);
        }
        HandoffPolicy policy = policies.get(c.tenant());
        if (asksForPersonByMeaning || Phrases.asksForHuman(m.text(), policy.humanPhrases())) {
            return handOff(c, event, HandoffReason.USER_REQUEST, null);
        }
        // The hold grows before each answer; a later answer it cannot cover goes to a person as well.
        if (!coinMeter.holdFor(c.tenant(), c.id(), c.channel(), c.aiAnswers() + 1)) {
            return handOff(c, event, HandoffReason.INSUFFICIENT_BALANCE, null);
        }
        if (!c.aiTaken()) {
            conversations.markAiTaken(c.id());
        }
        if (c.aiAnswers() > 0 && Phrases.saysNotHelpful(m.text())) {
            return handOff(c, event, HandoffReason.NEGATIVE_FEEDBACK, null);
        }
        // A thread the hub joins midway (mentioned inside it) brings its earlier messages along, oldest first.
        List<ChatTurn> history = new ArrayList<>(m.priorTurns());
        history.addAll(transcripts.historyBefore(c.id(), event.id()));
        return new Step.AskAgent(c, policy, history);
    }

    private AssistantTurn askAgent(StoredEvent event, Step.AskAgent ask) {
        InboundMessage m = event.message();
        Answer proposal = engine.answer(new AnswerRequest(m.tenant(), m.text(), ask.history())).orElse(null);
        return tx.execute(s -> {
            ConversationRecord c = conversations.lock(ask.conversation().id());
            if (c.status() != OPEN) {
                // cannot happen while events of a thread run in order; stay silent rather than speak after a hand-off
                log.warn("Conversation {} left 'open' while its event {} was processed", c.id(), event.id());
                return null;
            }
            Answer reply = proposal == null
                    ? notices.handoff(c.tenant(), HandoffReason.ENGINE_ERROR, 0.0)
                    : rules.decide(ask.policy(), c, proposal);
            if (reply.decision() == Decision.HANDOFF) {
                states.escalate(c, reply.reason(), event.id(), reply.confidence());
            } else {
                conversations.recordAiTurn(c.id(), reply.decision(), reply.confidence(), clock.instant());
            }
            return record(c, event, reply);
        });
    }

    private Step handoffOnRequest(ConversationRecord found, StoredEvent event, HandoffReason reason) {
        ConversationRecord c = conversations.lock(found.id());
        if (c.status() == ESCALATED) {
            transcripts.recordEvent(c.id(), "ai_silent", "escalated", null, clock.instant());
            return new Step.Silent();
        }
        c = states.reopen(c);
        return handOff(c, event, reason, null);
    }

    private Step handOff(ConversationRecord c, StoredEvent event, HandoffReason reason, Double confidence) {
        states.escalate(c, reason, event.id(), confidence);
        return new Step.Reply(record(c, event, notices.handoff(c.tenant(), reason, confidence == null ? 0.0 : confidence)));
    }

    private Step confirm(ConversationRecord found, StoredEvent event, ResolutionKind kind, boolean thank) {
        ConversationRecord c = conversations.lock(found.id());
        Instant now = clock.instant();
        if (c.status() != OPEN) {
            transcripts.recordEvent(c.id(), "resolution_ignored", c.status().wire(), null, now);
            return new Step.Silent();
        }
        if (!states.resolve(c, kind)) {
            // only clarifying questions so far: nothing to resolve (and nothing to bill)
            transcripts.recordEvent(c.id(), "resolution_ignored", "no_ai_answer", null, now);
            return new Step.Silent();
        }
        if (thank) {
            return new Step.Reply(record(c, event, notices.thanks(c.tenant())));
        }
        return new Step.Confirmed(true);
    }

    private AssistantTurn record(ConversationRecord c, StoredEvent event, Answer reply) {
        AssistantTurn turn = transcripts.recordAssistantTurn(c.id(), event.id(), reply, clock.instant());
        publisher.publishEvent(new MessageAnswered(c.tenant(), c.id(), c.channel(), event.message().text(), reply,
                clock.instant(), event.message().receivedAt()));
        return turn;
    }

    private void deliver(ConversationRecord conversation, InboundMessage m, AssistantTurn turn, boolean rerun,
                         EventCompletion completion) {
        if (turn != null && turn.answer().decision() == Decision.HANDOFF) {
            handoffs.deliver(conversation, m.replyContext(), turn, rerun);
        } else if (turn != null) {
            replies.send(conversation, m.replyContext(), turn, rerun, completion);
        }
    }

    /** The event failed for good: {@link DeadLetters} makes sure a person still sees it and the user is told. */
    @Override
    public void deadLettered(StoredEvent event, Exception lastFailure) {
        deadLetters.followUp(event, lastFailure);
    }
}
