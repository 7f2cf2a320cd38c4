package io.resolvehub.core;

/**
 * The pipeline's one synchronous question to billing: may the AI take this conversation? Implemented by
 * {@code billing}; everything else billing does (charge, release, refund) follows the events in
 * {@link io.resolvehub.core.event}.
 *
 * <p>Called inside the pipeline's database transaction, so the hold commits or rolls back with the conversation's
 * state change. Thread-safe.
 */
public interface CoinMeter {

    /**
     * Holds the tenant's {@code maxCoins} for the conversation, once: a second call for the same conversation
     * returns the first call's outcome without holding again.
     *
     * @return true when held; false when available coins are too few (the conversation goes to a human with
     *         {@link HandoffReason#INSUFFICIENT_BALANCE})
     */
    boolean holdFor(TenantId tenant, ConversationId conversation, ChannelType channel);

    /** A meter that always grants: for a hub run without billing (tests, evaluation). */
    static CoinMeter unmetered() {
        return (tenant, conversation, channel) -> true;
    }
}
