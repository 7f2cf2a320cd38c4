package io.resolvehub.core.internal.pipeline;

import io.resolvehub.core.InboundIntake;
import io.resolvehub.core.InboundKind;
import io.resolvehub.core.InboundMessage;
import io.resolvehub.core.inbound.InboundLimits;
import io.resolvehub.core.internal.channel.ChannelCalls;
import io.resolvehub.core.internal.channel.ChannelConnectors;
import io.resolvehub.core.internal.conversation.Conversations;
import io.resolvehub.core.internal.intake.EventCompletion;
import io.resolvehub.core.internal.intake.EventHandler;
import io.resolvehub.core.internal.intake.StoredEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * The workers' handler: a change notice ({@link InboundKind#CHANGED}) is read here, through the tenant's connector,
 * and what it asks is taken in by the intake as an event of its own in the same thread, which the pipeline handles
 * next (events of a thread run in order). Reading is the worker's, not the platform's acknowledgement's: a slow or
 * failing platform delays the answer and retries with the intake's backoff, never a redelivery. The event id of what
 * was read names the platform's state, so two notices of one change, or a notice read again after a crash, make one
 * event. Every other event goes straight to the pipeline.
 */
class ChangeNotices implements EventHandler {

    private static final Logger log = LoggerFactory.getLogger(ChangeNotices.class);

    private final EventHandler pipeline;
    private final ChannelConnectors connectors;
    private final ChannelCalls calls;
    private final InboundIntake intake;
    private final Conversations conversations;

    public ChangeNotices(EventHandler pipeline, ChannelConnectors connectors, ChannelCalls calls, InboundIntake intake,
                         Conversations conversations) {
        this.pipeline = pipeline;
        this.connectors = connectors;
        this.calls = calls;
        this.intake = intake;
        this.conversations = conversations;
    }

    @Override
    public void handle(StoredEvent event, EventCompletion completion) throws Exception {
        InboundMessage notice = event.message();
        if (notice.kind() != InboundKind.CHANGED) {
            pipeline.handle(event, completion);
            return;
        }
        Optional<InboundMessage> asked = calls.call(notice.tenant().value() + "/" + notice.channel().id(),
                () -> connectors.forTenant(notice.tenant(), notice.channel()).readChange(notice));
        if (asked.isEmpty()) {
            log.debug("Change {} of tenant {} asks nothing of the hub", notice.platformEventId(), notice.tenant());
            return;
        }
        InboundMessage message = InboundLimits.bounded(asked.get());
        if (intake.accept(message) == InboundIntake.Outcome.DUPLICATE) {
            log.debug("Change {} of tenant {} read as {}, taken in before", notice.platformEventId(), notice.tenant(),
                    message.platformEventId());
        }
    }

    /**
     * A notice that could not be read for good: the worker has logged it; where the hub already holds the thread's
     * conversation, the pipeline records the dead letter there too, so a person sees it in the inbox.
     */
    @Override
    public void deadLettered(StoredEvent event, Exception lastFailure) {
        InboundMessage m = event.message();
        if (m.kind() != InboundKind.CHANGED
                || conversations.findByThread(m.tenant(), m.channel(), m.threadKey()).isPresent()) {
            pipeline.deadLettered(event, lastFailure);
        }
    }
}
