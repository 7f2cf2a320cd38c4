package io.resolvehub.core.channel;

import java.time.Duration;

/**
 * A platform call failed. {@code retriable} failures (429, 5xx, timeouts) are retried with backoff; others
 * (bad token, missing scope, 4xx) are not.
 */
public class ChannelException extends RuntimeException {

    private final boolean retriable;
    private final Duration retryAfter;

    public ChannelException(String message, boolean retriable, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retriable = retriable;
        this.retryAfter = retryAfter;
    }

    public static ChannelException retriable(String message, Duration retryAfter, Throwable cause) {
        return new ChannelException(message, true, retryAfter, cause);
    }

    public static ChannelException permanent(String message, Throwable cause) {
        return new ChannelException(message, false, null, cause);
    }

    public boolean retriable() {
        return retriable;
    }

    /** How long the platform asked us to wait (a 429's {@code Retry-After}); null when it did not say. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
