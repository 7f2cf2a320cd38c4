package io.resolvehub.core.conversation;

import io.resolvehub.core.ConversationId;
import io.resolvehub.core.TenantId;

/**
 * The hub's built-in web channel (the {@code /conversations} API and the admin page's "try it"). Every call goes
 * through the same durable intake and pipeline as the chat channels. Thread-safe.
 */
public interface WebConversations {

    /** Starts a conversation for {@code user} (may be null: anonymous). */
    ConversationId start(TenantId tenant, String user);

    /**
     * Posts the user's message and waits (up to the configured timeout) for the pipeline to answer it.
     *
     * @throws ConversationNotFoundException when the conversation is not the tenant's web conversation
     * @throws java.util.concurrent.TimeoutException wrapped in an {@link IllegalStateException} when the answer did
     *         not come in time (the message stays queued and will be answered; the transcript shows it)
     */
    WebReply post(TenantId tenant, ConversationId conversation, String text);

    /**
     * Records the user's feedback: {@code resolved = true} confirms the resolution, {@code false} hands the
     * conversation to a person ({@code negative_feedback}). Waits for it to be processed like {@link #post}.
     */
    WebReply feedback(TenantId tenant, ConversationId conversation, boolean resolved);
}
