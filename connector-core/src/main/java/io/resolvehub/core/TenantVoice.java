package io.resolvehub.core;

/**
 * A tenant's brand voice as the hub's own messages use it: the notices, hand-off texts, clarifying question and
 * thank-you that core writes are framed by it like the agent's answers (a greeting before, a sign-off after).
 * Implemented where the tenant's voice settings live; {@link #plain()} when there are none. Thread-safe.
 */
@FunctionalInterface
public interface TenantVoice {

    /** {@code text} as the tenant's assistant says it; never null. */
    String frame(TenantId tenant, String text);

    /** The hub's texts as they are, for a hub without voice settings. */
    static TenantVoice plain() {
        return (tenant, text) -> text;
    }
}
