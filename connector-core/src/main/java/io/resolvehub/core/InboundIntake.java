package io.resolvehub.core;

/**
 * The durable front door every channel feeds: the event is written to the database (unique on channel +
 * platform event id) before {@link #accept} returns, so a connector acknowledges the platform only after this call.
 * Processing happens asynchronously, in order per conversation.
 *
 * <p>Thread-safe. Throws when the event could not be stored: the connector must then NOT acknowledge (answer 5xx) so
 * the platform retries.
 */
public interface InboundIntake {

    enum Outcome {
        /** Stored; it will be processed. */
        ACCEPTED,
        /** Seen before (a platform retry): acknowledge it and do nothing more. */
        DUPLICATE
    }

    Outcome accept(InboundMessage message);

    /**
     * {@link #accept(InboundMessage)}, with the connector's own bookkeeping for the event ({@code alongside}, e.g. the
     * thread the hub now answers in) written in the same transaction: both are stored, or neither, in one commit before
     * the acknowledgement. {@code alongside} runs first and must skip a conflict in the statement rather than catch it
     * (a failed statement aborts the transaction on PostgreSQL). An intake without a database of its own (a test's)
     * runs it and then accepts.
     */
    default Outcome accept(InboundMessage message, Runnable alongside) {
        alongside.run();
        return accept(message);
    }
}
