package io.resolvehub.core;

/** What an inbound event asks of the hub. */
public enum InboundKind {
    /** A message from the user, to be answered. */
    MESSAGE,
    /** The user confirmed that the answer solved it (a button, a card action). */
    RESOLVED,
    /** The user asked for a person through the channel's button. */
    HANDOFF_REQUEST,
    /** The user said the answer did not help. */
    NEGATIVE_FEEDBACK,
    /** The platform says the conversation was closed by a person (e.g. a Zendesk ticket solved). */
    CLOSED_BY_PLATFORM,
    /** A message longer than the hub answers, stored cut: the user is asked to shorten it. */
    TOO_LONG,
    /**
     * The platform says the thread changed without saying how (a Zendesk webhook names only its ticket): the pipeline's
     * worker reads what the change asks of the hub through the channel's connector
     * ({@link io.resolvehub.core.channel.ChannelConnector#readChange}), after the acknowledgement, and takes that in as
     * an event of its own.
     */
    CHANGED
}
