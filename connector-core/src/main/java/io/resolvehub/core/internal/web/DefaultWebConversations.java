package io.resolvehub.core.internal.web;

import io.resolvehub.core.Answer;
import io.resolvehub.core.ChannelType;
import io.resolvehub.core.ConversationId;
import io.resolvehub.core.InboundKind;
import io.resolvehub.core.InboundMessage;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.UserRef;
import io.resolvehub.core.conversation.ConversationNotFoundException;
import io.resolvehub.core.conversation.WebConversations;
import io.resolvehub.core.conversation.WebReply;
import io.resolvehub.core.internal.conversation.ConversationRecord;
import io.resolvehub.core.internal.conversation.Conversations;
import io.resolvehub.core.internal.conversation.Transcripts;
import io.resolvehub.core.internal.intake.EventStatus;
import io.resolvehub.core.internal.intake.InboundEvents;
import io.resolvehub.core.internal.intake.JdbcInboundIntake;
import io.resolvehub.core.internal.intake.WorkSignal;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The web channel on the common pipeline: a message becomes an inbound event like any platform's, and the caller
 * waits (bounded) until a worker, on this or another instance, has processed it, then reads the stored reply.
 */
public class DefaultWebConversations implements WebConversations {

    private static final Duration POLL = Duration.ofMillis(250);

    private final JdbcInboundIntake intake;
    private final InboundEvents events;
    private final Conversations conversations;
    private final Transcripts transcripts;
    private final WorkSignal signal;
    private final TransactionTemplate tx;
    private final Duration replyTimeout;
    private final Clock clock;

    public DefaultWebConversations(JdbcInboundIntake intake, InboundEvents events, Conversations conversations,
                                   Transcripts transcripts, WorkSignal signal, TransactionTemplate tx,
                                   Duration replyTimeout, Clock clock) {
        this.intake = intake;
        this.events = events;
        this.conversations = conversations;
        this.transcripts = transcripts;
        this.signal = signal;
        this.tx = tx;
        this.replyTimeout = replyTimeout;
        this.clock = clock;
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
        ConversationRecord c = conversations.find(id)
                .filter(r -> r.tenant().equals(tenant) && r.channel().equals(ChannelType.WEB))
                .orElseThrow(() -> new ConversationNotFoundException("tenant " + tenant
                        + " has no web conversation " + id));
        InboundMessage message = new InboundMessage(tenant, ChannelType.WEB, "web-" + UUID.randomUUID(),
                c.threadKey(), kind, text, c.user(), Map.of(), clock.instant());
        long eventId = intake.acceptReturningId(message).orElseThrow();
        awaitProcessed(eventId);
        Answer reply = transcripts.assistantTurnFor(eventId).map(t -> t.answer()).orElse(null);
        return new WebReply(reply, conversations.find(id).orElseThrow().status());
    }

    private void awaitProcessed(long eventId) {
        Instant deadline = clock.instant().plus(replyTimeout);
        while (true) {
            EventStatus status = events.status(eventId).orElseThrow();
            if (status == EventStatus.DONE || status == EventStatus.DEAD) {
                return;
            }
            if (clock.instant().isAfter(deadline)) {
                throw new IllegalStateException("the reply is taking longer than " + replyTimeout
                        + "; the message is queued and will be answered (see the conversation's transcript)");
            }
            try {
                signal.awaitFinished(eventId, POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the reply", e);
            }
        }
    }
}
