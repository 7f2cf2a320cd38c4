package io.resolvehub.core;

/**
 * The pipeline's one synchronous question to billing: may the AI give this answer? Implemented by
 * {@code billing}; everything else billing does (charge, release, refund) follows the events in
 * {@link io.resolvehub.core.event}.
 *
 * <p>Called inside the pipeline's database transaction, so the hold commits or rolls back with the conversation's
 * state change. Thread-safe.
 */
public interface CoinMeter {

    /**
     * Called before each AI answer: makes the conversation's hold cover what a resolution after {@code answer} AI
     * answers would charge, so the hold grows with the conversation. Asking again for the same answer (a retry, or
     * a clarifying question in between) holds nothing more.
     *
     * @param answer the number of the answer about to be given, 1 for the conversation's first
     * @return true when the hold covers it; false when the available coins cannot cover what the hold must grow by
     *         (the conversation goes to a human with {@link HandoffReason#INSUFFICIENT_BALANCE})
     */
    boolean holdFor(TenantId tenant, ConversationId conversation, ChannelType channel, int answer);

    /** A meter that always grants: for a hub run without billing (tests, evaluation). */
    static CoinMeter unmetered() {
        return (tenant, conversation, channel, answer) -> true;
    }
}
