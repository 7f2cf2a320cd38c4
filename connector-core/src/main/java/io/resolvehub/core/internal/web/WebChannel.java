package io.resolvehub.core.internal.web;

import io.resolvehub.core.channel.ChannelConnector;
import io.resolvehub.core.conversation.WebConversations;
import io.resolvehub.core.internal.conversation.Conversations;
import io.resolvehub.core.internal.conversation.Transcripts;
import io.resolvehub.core.internal.intake.InboundEvents;
import io.resolvehub.core.internal.intake.InboundWorkers;
import io.resolvehub.core.internal.intake.WorkSignal;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;

/**
 * The built-in web channel's two sides as the composition root builds them, so their classes stay package-private:
 * the inbound side ({@link WebConversations}, the REST call as its event's worker) and the outbound connector.
 */
public final class WebChannel {

    private WebChannel() {
    }

    public static WebConversations conversations(InboundEvents events, InboundWorkers workers,
                                                 Conversations conversations, Transcripts transcripts,
                                                 WorkSignal signal, TransactionTemplate tx, Duration replyTimeout,
                                                 Clock clock) {
        return new DefaultWebConversations(events, workers, conversations, transcripts, signal, tx, replyTimeout, clock);
    }

    public static ChannelConnector connector() {
        return new WebChannelConnector();
    }
}
