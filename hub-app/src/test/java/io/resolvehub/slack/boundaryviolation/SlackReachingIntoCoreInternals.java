package io.resolvehub.slack.boundaryviolation;

import io.resolvehub.core.internal.conversation.Conversations;

/**
 * Breaks "core internals stay in core" (and, as test code, "no test outside core uses its internals"): a connector
 * using core's conversation table directly.
 */
public class SlackReachingIntoCoreInternals {

    Conversations conversations;
}
