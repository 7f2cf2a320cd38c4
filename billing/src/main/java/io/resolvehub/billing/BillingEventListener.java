package io.resolvehub.billing;

import io.resolvehub.core.event.AssumedResolutionReopened;
import io.resolvehub.core.event.ConversationClosedUnresolved;
import io.resolvehub.core.event.ConversationResolved;
import io.resolvehub.core.event.HandoffRequested;
import org.springframework.context.event.EventListener;

/**
 * Follows core's conversation events. Plain synchronous {@link EventListener}s: they run on the publisher's thread
 * inside its transaction, so the charge commits with the state change that caused it, or neither does. Every
 * handler is idempotent (see {@link Settlements}), so a redelivered or repeated event changes nothing.
 */
class BillingEventListener {

    private final Settlements settlements;

    public BillingEventListener(Settlements settlements) {
        this.settlements = settlements;
    }

    @EventListener
    public void on(ConversationResolved event) {
        settlements.settle(event);
    }

    @EventListener
    public void on(HandoffRequested event) {
        settlements.releaseOnHandoff(event.tenant(), event.conversation(), event.channel(), event.reason(),
                event.at());
    }

    @EventListener
    public void on(ConversationClosedUnresolved event) {
        settlements.releaseOnClose(event.tenant(), event.conversation(), event.channel(), event.at());
    }

    @EventListener
    public void on(AssumedResolutionReopened event) {
        settlements.refundReopened(event.tenant(), event.conversation(), event.at());
    }
}
