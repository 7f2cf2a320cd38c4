package io.resolvehub.core.inbound;

import java.time.Duration;

/**
 * What the hub answers a platform's delivery, the same four ways for every channel. Only {@link Accepted} and
 * {@link Duplicate} acknowledge it; a platform delivers a {@link Rejected} request never again and an
 * {@link Unavailable} one again later.
 */
public sealed interface InboundOutcome {

    /** The note of a delivery acknowledged because no tenant has connected the account it comes from. */
    String NO_TENANT = "no tenant has connected this account";

    /**
     * Acknowledged: stored for the pipeline, or (with a {@code note}) nothing the hub has to do.
     *
     * @param reply what the platform expects in the acknowledgement itself (a URL-verification challenge, a slash
     *              command's ephemeral text), or null for the kit's own {@code {"outcome":…}}
     */
    record Accepted(String note, Reply reply) implements InboundOutcome {

        public Accepted(String note) {
            this(note, null);
        }
    }

    /** A body the platform reads in the acknowledgement. */
    record Reply(String contentType, String body) {
    }

    /** Acknowledged: seen before (a platform's retry); nothing is done twice. */
    record Duplicate() implements InboundOutcome {
    }

    /** Refused, nothing stored: not authentic (401), not a payload of the platform (400), too large (413). */
    record Rejected(int status, String detail) implements InboundOutcome {
        public Rejected {
            if (status < 400 || status > 499) {
                throw new IllegalArgumentException("a rejection is a 4xx status, not " + status);
            }
        }
    }

    /** Not acknowledged (5xx): the delivery could not be stored or read now; the platform retries it. */
    record Unavailable(String detail, Duration retryAfter) implements InboundOutcome {
    }

    static InboundOutcome accepted() {
        return new Accepted("accepted");
    }

    /** Acknowledged although nothing was stored, e.g. a message not addressed to the hub; {@code why} is logged. */
    static InboundOutcome ignored(String why) {
        return new Accepted(why);
    }

    /** Acknowledged with a body the platform shows or needs. */
    static InboundOutcome acknowledgedWith(String note, String contentType, String body) {
        return new Accepted(note, new Reply(contentType, body));
    }

    static InboundOutcome duplicate() {
        return new Duplicate();
    }

    static InboundOutcome rejected(int status, String detail) {
        return new Rejected(status, detail);
    }

    static InboundOutcome unavailable(String detail, Duration retryAfter) {
        return new Unavailable(detail, retryAfter);
    }

    /** Whether the platform counts the delivery as delivered. */
    default boolean acknowledges() {
        return this instanceof Accepted || this instanceof Duplicate;
    }
}
