package io.resolvehub.agent;

/** Adding a source would pass one of the {@link SourceLimits}; nothing was added. The message says which and what to do. */
public class SourceLimitException extends RuntimeException {

    private final boolean bytes;

    SourceLimitException(String detail, boolean bytes) {
        super(detail);
        this.bytes = bytes;
    }

    /** True when the kept bytes, not the number of sources, are over the limit (the request is too large: 413). */
    public boolean bytes() {
        return bytes;
    }
}
