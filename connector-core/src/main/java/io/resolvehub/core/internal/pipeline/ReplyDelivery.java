package io.resolvehub.core.internal.pipeline;

import io.resolvehub.core.Answer;
import io.resolvehub.core.ChatTurn;
import io.resolvehub.core.Decision;
import io.resolvehub.core.channel.ChannelConnector;
import io.resolvehub.core.channel.DeliveryReceipt;
import io.resolvehub.core.channel.OutboundMessage;
import io.resolvehub.core.channel.SentParts;
import io.resolvehub.core.internal.channel.ChannelCalls;
import io.resolvehub.core.internal.channel.ChannelConnectors;
import io.resolvehub.core.internal.conversation.AssistantTurn;
import io.resolvehub.core.internal.conversation.ConversationRecord;
import io.resolvehub.core.internal.conversation.ReplyProgress;
import io.resolvehub.core.internal.conversation.Transcripts;
import io.resolvehub.core.internal.intake.EventCompletion;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Posts a recorded answer or clarifying question through the tenant's connector, then marks it delivered; also asks
 * the connector for a thread's earlier messages before its first answer.
 */
class ReplyDelivery {

    private static final Logger log = LoggerFactory.getLogger(ReplyDelivery.class);

    private final ChannelConnectors connectors;
    private final ChannelCalls calls;
    private final Transcripts transcripts;
    private final TransactionTemplate tx;
    private final Clock clock;

    public ReplyDelivery(ChannelConnectors connectors, ChannelCalls calls, Transcripts transcripts, TransactionTemplate tx,
                         Clock clock) {
        this.connectors = connectors;
        this.calls = calls;
        this.transcripts = transcripts;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Posts the turn, then marks it delivered and, in the same transaction, its event done ({@code completion}): one
     * commit after the post, and a reply is never marked delivered while its event could still run again, or the
     * other way round.
     *
     * @param rerun whether an earlier run of the event recorded this turn: it may have posted a part and stopped
     *              before recording it, so the connector looks before posting that part again
     */
    public void send(ConversationRecord conversation, Map<String, String> replyContext, AssistantTurn turn, boolean rerun,
                     EventCompletion completion) {
        if (turn.delivered()) {
            return;
        }
        ChannelConnector connector = connectors.forTenant(conversation.tenant(), conversation.channel());
        boolean controls = turn.answer().decision() == Decision.ANSWER;
        // one record of the parts across the retries below and a re-run of the event: none is posted twice
        ReplyProgress progress = transcripts.replyProgress(turn.id(), rerun);
        SentParts parts = progress.parts();
        Answer shown = ReplyLength.bounded(turn.answer());
        DeliveryReceipt receipt;
        try {
            receipt = calls.call(breaker(conversation), () -> connector.send(
                    new OutboundMessage(conversation.ref(replyContext), shown, controls, parts)));
        } catch (RuntimeException e) {
            progress.recordPending(); // the next attempt starts after the parts that did go out
            throw e;
        }
        tx.executeWithoutResult(s -> {
            transcripts.markDelivered(progress, shown == turn.answer() ? null : shown.text(),
                    receipt == null ? null : receipt.platformMessageId(), clock.instant());
            completion.completeInTransaction();
        });
    }

    public void confirmResolved(ConversationRecord conversation, Map<String, String> replyContext) {
        ChannelConnector connector = connectors.forTenant(conversation.tenant(), conversation.channel());
        calls.run(breaker(conversation), () -> connector.confirmResolved(conversation.ref(replyContext)));
    }

    /** The thread's messages before the hub was addressed (see {@link ChannelConnector#earlierMessages}); empty on failure. */
    public List<ChatTurn> earlierMessages(ConversationRecord conversation, Map<String, String> replyContext) {
        try {
            return connectors.forTenant(conversation.tenant(), conversation.channel())
                    .earlierMessages(conversation.ref(replyContext));
        } catch (RuntimeException e) {
            log.warn("Earlier messages of conversation {} unavailable, answering without them: {}", conversation.id(),
                    e.toString());
            return List.of();
        }
    }

    static String breaker(ConversationRecord conversation) {
        return conversation.tenant().value() + "/" + conversation.channel().id();
    }
}
