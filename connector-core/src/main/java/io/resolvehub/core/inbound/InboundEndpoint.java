package io.resolvehub.core.inbound;

import io.resolvehub.core.InboundMessage;
import io.resolvehub.core.TenantId;

import java.util.Optional;

/**
 * A channel's front door, written as the steps the {@link InboundDoor} runs in the same order for every channel:
 * {@link #verify verification}, {@link #tenant tenant resolution}, {@link #alreadyHandled redelivery check},
 * {@link #translate translation}, durable intake (the kit's, with {@link #storedWith what is stored alongside} in the
 * same transaction), {@link #handled bookkeeping} and the acknowledgement
 * (the kit's). A connector writes only what is its platform's: how a request proves it is authentic, whose it is,
 * and what it asks of the hub. Nothing here answers the user: that is the pipeline's, after the acknowledgement.
 *
 * <p>Steps must stay inside a platform's acknowledgement window: no calls to the platform in
 * {@link #tenant} or {@link #translate} unless the platform waits for them. A step that cannot be done now throws;
 * the door answers {@link InboundOutcome.Unavailable} (with the {@code Retry-After} of a
 * {@link io.resolvehub.core.channel.ChannelException}) so the platform delivers again.
 *
 * @param <D> the platform's delivery, parsed and verified
 */
public interface InboundEndpoint<D> {

    /** A verified delivery, or the rejection the platform gets instead. */
    sealed interface Verified<D> {
        record Authentic<D>(D delivery) implements Verified<D> {
        }

        record Refused<D>(InboundOutcome outcome) implements Verified<D> {
        }

        static <D> Verified<D> authentic(D delivery) {
            return new Authentic<>(delivery);
        }

        /** Refused with a 4xx status, or acknowledged without anything to do ({@link InboundOutcome#ignored}). */
        static <D> Verified<D> refused(InboundOutcome outcome) {
            return new Refused<>(outcome);
        }
    }

    /** A name for logs, e.g. "Teams activity". */
    String name();

    /** Step 1: is the request the platform's, and what is it? Nothing is stored before this passes. */
    Verified<D> verify(InboundRequest request);

    /** Step 2: the hub tenant the delivery belongs to; empty when no tenant has connected its account (acknowledged). */
    Optional<TenantId> tenant(D delivery);

    /** Step 3: whether this very delivery was handled before, when the platform names its deliveries. */
    default boolean alreadyHandled(TenantId tenant, D delivery) {
        return false;
    }

    /** Step 4: what the delivery asks of the hub; empty when nothing (acknowledged, nothing stored). */
    Optional<InboundMessage> translate(TenantId tenant, D delivery);

    /**
     * Step 5, inside the intake's transaction: bookkeeping that must be stored with the message, and only with it
     * (one commit before the acknowledgement). Skip a conflict in the statement rather than catch it: a failed
     * statement aborts the transaction on PostgreSQL.
     */
    default void storedWith(TenantId tenant, D delivery, InboundMessage message) {
    }

    /** Step 6: after the intake stored the message (or there was none), before the acknowledgement. */
    default void handled(TenantId tenant, D delivery) {
    }

    /**
     * Step 7: the acknowledgement in the platform's terms, for a delivery that passed verification. The default is the
     * outcome itself; a platform that does not redeliver (a Slack slash command) turns an {@link
     * InboundOutcome.Unavailable} into an apology the user sees instead.
     */
    default InboundOutcome acknowledgement(D delivery, InboundOutcome outcome) {
        return outcome;
    }

    /**
     * Thrown by a step that ends the delivery early with a decided outcome (e.g. the platform refused the message the
     * hub had to post first, and the user should be told so).
     */
    final class Ended extends RuntimeException {

        private final transient InboundOutcome outcome;

        public Ended(InboundOutcome outcome, String why) {
            super(why, null, false, false);
            this.outcome = outcome;
        }

        public InboundOutcome outcome() {
            return outcome;
        }
    }
}
