package io.resolvehub.core.channel;

import java.time.Duration;

/**
 * A platform call failed. {@code retriable} failures (429, 5xx, timeouts) are retried with backoff; others
 * (bad token, missing scope, 4xx) are not.
 */
public class ChannelException extends RuntimeException {

    private final boolean retriable;
    private final Duration retryAfter;
    private final boolean retriedInline;

    public ChannelException(String message, boolean retriable, Duration retryAfter, Throwable cause) {
        this(message, retriable, retryAfter, cause, false);
    }

    private ChannelException(String message, boolean retriable, Duration retryAfter, Throwable cause,
                             boolean retriedInline) {
        super(message, cause);
        this.retriable = retriable;
        this.retryAfter = retryAfter;
        this.retriedInline = retriedInline;
    }

    public static ChannelException retriable(String message, Duration retryAfter, Throwable cause) {
        return new ChannelException(message, true, retryAfter, cause);
    }

    public static ChannelException permanent(String message, Throwable cause) {
        return new ChannelException(message, false, null, cause);
    }

    /**
     * A {@code Retry-After} header in seconds, as the platforms send it on a 429; null when absent or not a number of
     * seconds (an HTTP-date would be unusual there, so it is treated as "not said").
     */
    public static Duration retryAfterHeader(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(header.trim()));
        } catch (NumberFormatException ignored) {
            return null;
        }
    }

    public boolean retriable() {
        return retriable;
    }

    /**
     * Whether {@link PlatformCalls} already spent its attempts on this failure, so no other layer retries it inline
     * again (only the intake's durable backoff of the whole event still does).
     */
    public boolean retriedInline() {
        return retriedInline;
    }

    /** This failure, marked as {@link #retriedInline()}. */
    ChannelException afterInlineRetries() {
        ChannelException spent = new ChannelException(getMessage(), retriable, retryAfter, getCause(), true);
        spent.setStackTrace(getStackTrace());
        return spent;
    }

    /** How long the platform asked us to wait (a 429's {@code Retry-After}); null when it did not say. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
