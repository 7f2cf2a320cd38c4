package io.resolvehub.core.internal.web;

import io.resolvehub.core.Answer;
import io.resolvehub.core.ChannelType;
import io.resolvehub.core.ConversationId;
import io.resolvehub.core.InboundIntake;
import io.resolvehub.core.InboundKind;
import io.resolvehub.core.InboundMessage;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.UserRef;
import io.resolvehub.core.conversation.ConversationNotFoundException;
import io.resolvehub.core.conversation.WebConversations;
import io.resolvehub.core.conversation.WebReply;
import io.resolvehub.core.inbound.InboundDoor;
import io.resolvehub.core.inbound.InboundOutcome;
import io.resolvehub.core.internal.conversation.Conversations;
import io.resolvehub.core.internal.conversation.Transcripts;
import io.resolvehub.core.internal.intake.EventStatus;
import io.resolvehub.core.internal.intake.InboundEvents;
import io.resolvehub.core.internal.intake.InboundWorkers;
import io.resolvehub.core.internal.intake.StoredEvent;
import io.resolvehub.core.internal.intake.WorkSignal;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The web channel: a message goes through the inbound kit ({@link WebEndpoint}) into the durable intake like any
 * platform's, and the caller, who waits for the reply anyway, is its event's worker. When the conversation has no
 * earlier message unanswered, the event is stored already claimed by this instance and processed on the caller's
 * thread; the reply is then the stored assistant turn, read once. Otherwise (an earlier message still being answered)
 * the event waits its turn in the queue and the caller is woken when this instance finishes it; a reply another
 * instance produced is found by one read at the deadline.
 */
class DefaultWebConversations implements WebConversations {

    private final InboundEvents events;
    private final InboundWorkers workers;
    private final Conversations conversations;
    private final Transcripts transcripts;
    private final WorkSignal signal;
    private final TransactionTemplate tx;
    private final Duration replyTimeout;
    private final Clock clock;
    private final WebEndpoint endpoint;

    public DefaultWebConversations(InboundEvents events, InboundWorkers workers, Conversations conversations,
                                   Transcripts transcripts, WorkSignal signal, TransactionTemplate tx,
                                   Duration replyTimeout, Clock clock) {
        this.events = events;
        this.workers = workers;
        this.conversations = conversations;
        this.transcripts = transcripts;
        this.signal = signal;
        this.tx = tx;
        this.replyTimeout = replyTimeout;
        this.clock = clock;
        this.endpoint = new WebEndpoint((tenant, id) -> conversations.find(id)
                .filter(c -> c.tenant().equals(tenant) && c.channel().equals(ChannelType.WEB))
                .map(c -> new WebEndpoint.WebThread(c.threadKey(), c.user())), clock);
    }

    @Override
    public ConversationId start(TenantId tenant, String user) {
        ConversationId id = ConversationId.random();
        UserRef who = user == null || user.isBlank() ? UserRef.anonymous() : new UserRef(user, user, null);
        Instant now = clock.instant();
        tx.executeWithoutResult(s -> {
            conversations.findOrCreate(tenant, ChannelType.WEB, id.value(), who, Map.of(), id, now);
            transcripts.recordEvent(id, "opened", "web", null, now);
        });
        return id;
    }

    @Override
    public WebReply post(TenantId tenant, ConversationId conversation, String text) {
        return submit(tenant, conversation, InboundKind.MESSAGE, text);
    }

    @Override
    public WebReply feedback(TenantId tenant, ConversationId conversation, boolean resolved) {
        return submit(tenant, conversation, resolved ? InboundKind.RESOLVED : InboundKind.NEGATIVE_FEEDBACK, "");
    }

    private WebReply submit(TenantId tenant, ConversationId id, InboundKind kind, String text) {
        Intake intake = new Intake(id);
        InboundOutcome outcome = new InboundDoor<>(endpoint, intake).receive(WebEndpoint.request(
                new WebEndpoint.WebDelivery(tenant, "web-" + UUID.randomUUID(), id, kind, text)));
        switch (outcome) {
            case InboundOutcome.Rejected rejected when rejected.status() == 404 ->
                    throw new ConversationNotFoundException(rejected.detail());
            case InboundOutcome.Rejected rejected -> throw new IllegalArgumentException(rejected.detail());
            case InboundOutcome.Unavailable unavailable -> throw intake.failure;
            default -> { }
        }
        if (intake.claimed != null) {
            workers.process(intake.claimed);
        }
        Answer reply = null;
        if (intake.eventId != null) {
            awaitFinished(intake.eventId);
            reply = transcripts.assistantTurnFor(intake.eventId).map(t -> t.answer()).orElse(null);
        }
        return new WebReply(reply, conversations.find(id).orElseThrow().status());
    }

    /** Stores the web message: claimed by this instance when it is its conversation's next event, else queued. */
    private final class Intake implements InboundIntake {

        private final ConversationId conversation;
        private Long eventId;
        private StoredEvent claimed;
        private RuntimeException failure;

        Intake(ConversationId conversation) {
            this.conversation = conversation;
        }

        @Override
        public Outcome accept(InboundMessage message) {
            try {
                Instant now = clock.instant();
                boolean queued = tx.execute(s -> {
                    conversations.lock(conversation);   // one web message of a conversation is stored at a time
                    if (events.hasUnfinished(message.tenant(), message.channel(), message.threadKey())) {
                        events.insert(message, now).ifPresent(stored -> eventId = stored);
                        return true;
                    }
                    events.insertClaimed(message, now, workers.owner(), now.plus(workers.lease()))
                            .ifPresent(stored -> {
                                eventId = stored;
                                claimed = new StoredEvent(stored, message, 1);
                            });
                    return false;
                });
                if (queued) {
                    signal.workArrived();
                }
                return eventId == null ? Outcome.DUPLICATE : Outcome.ACCEPTED;
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            }
        }
    }

    /** Returns once the event is done or dead-lettered; each wake-up is an attempt this instance finished. */
    private void awaitFinished(long eventId) {
        Instant deadline = clock.instant().plus(replyTimeout);
        try {
            while (true) {
                CountDownLatch finished = signal.watch(eventId);
                EventStatus status = events.status(eventId).orElseThrow();
                if (status == EventStatus.DONE || status == EventStatus.DEAD) {
                    return;
                }
                Duration left = Duration.between(clock.instant(), deadline);
                if (left.isNegative() || left.isZero()) {
                    throw new IllegalStateException("the reply is taking longer than " + replyTimeout
                            + "; the message is queued and will be answered (see the conversation's transcript)");
                }
                if (!finished.await(left.toMillis(), TimeUnit.MILLISECONDS)) {
                    deadline = clock.instant();   // one last read of the status, then give up
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the reply", e);
        } finally {
            signal.forget(eventId);
        }
    }
}
