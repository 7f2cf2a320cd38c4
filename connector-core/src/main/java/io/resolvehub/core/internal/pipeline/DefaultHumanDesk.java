package io.resolvehub.core.internal.pipeline;

import io.resolvehub.core.Answer;
import io.resolvehub.core.ConversationId;
import io.resolvehub.core.ConversationStatus;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.channel.ChannelConnector;
import io.resolvehub.core.channel.DeliveryReceipt;
import io.resolvehub.core.channel.OutboundMessage;
import io.resolvehub.core.conversation.ConversationNotFoundException;
import io.resolvehub.core.conversation.ConversationStateConflict;
import io.resolvehub.core.conversation.HumanDesk;
import io.resolvehub.core.internal.channel.ChannelCalls;
import io.resolvehub.core.internal.channel.ChannelConnectors;
import io.resolvehub.core.internal.conversation.ConversationRecord;
import io.resolvehub.core.internal.conversation.ConversationStateMachine;
import io.resolvehub.core.internal.conversation.Conversations;
import io.resolvehub.core.internal.conversation.Transcripts;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.List;
import java.util.function.Predicate;

/**
 * The inbox desk over the same state machine and connectors as the pipeline. A reply is stored first (in its own
 * transaction) and then posted, so a platform failure leaves it in the transcript as undelivered rather than lost.
 */
class DefaultHumanDesk implements HumanDesk {

    private final Conversations conversations;
    private final Transcripts transcripts;
    private final ConversationStateMachine states;
    private final ChannelConnectors connectors;
    private final ChannelCalls calls;
    private final TransactionTemplate tx;
    private final Clock clock;

    public DefaultHumanDesk(Conversations conversations, Transcripts transcripts, ConversationStateMachine states,
                            ChannelConnectors connectors, ChannelCalls calls, TransactionTemplate tx, Clock clock) {
        this.conversations = conversations;
        this.transcripts = transcripts;
        this.states = states;
        this.connectors = connectors;
        this.calls = calls;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void reply(TenantId tenant, ConversationId id, String author, String text) {
        record Stored(ConversationRecord conversation, long turn) {
        }
        Stored stored = tx.execute(s -> {
            ConversationRecord c = escalated(tenant, id, "replied to");
            long turn = transcripts.recordHumanTurn(c.id(), text, clock.instant());
            transcripts.recordEvent(c.id(), "human_reply", null, author, clock.instant());
            return new Stored(c, turn);
        });
        ConversationRecord c = stored.conversation();
        // The channel renders an Answer; a person's reply has no citations and no feedback buttons, and says who wrote it.
        Answer message = Answer.answer(author + " (support team): " + text, 1.0, List.of());
        ChannelConnector connector = connectors.forTenant(c.tenant(), c.channel());
        DeliveryReceipt receipt = calls.call(ReplyDelivery.breaker(c),
                () -> connector.send(new OutboundMessage(c.ref(), message, false)));
        transcripts.markDelivered(stored.turn(), null, receipt == null ? null : receipt.platformMessageId(),
                clock.instant());
    }

    @Override
    public void close(TenantId tenant, ConversationId id, CloseOutcome outcome, String by) {
        transition(tenant, id, "closed", c -> states.closeByHuman(c, outcome == CloseOutcome.RESOLVED_BY_HUMAN, by));
    }

    @Override
    public void returnToAi(TenantId tenant, ConversationId id, String by) {
        transition(tenant, id, "returned to the AI", c -> states.returnToAi(c, by));
    }

    private void transition(TenantId tenant, ConversationId id, String action, Predicate<ConversationRecord> change) {
        tx.executeWithoutResult(s -> {
            if (!change.test(escalated(tenant, id, action))) {
                throw new ConversationStateConflict("The conversation changed while it was being " + action
                        + "; reload it and try again.");
            }
        });
    }

    private ConversationRecord escalated(TenantId tenant, ConversationId id, String action) {
        ConversationRecord c = conversations.find(id).filter(found -> found.tenant().equals(tenant))
                .orElseThrow(() -> new ConversationNotFoundException("no conversation " + id + " for " + tenant));
        c = conversations.lock(c.id());
        if (c.status() != ConversationStatus.ESCALATED) {
            throw new ConversationStateConflict("Only a conversation handed to a person can be " + action
                    + "; this one is " + c.status().wire() + ".");
        }
        return c;
    }
}
