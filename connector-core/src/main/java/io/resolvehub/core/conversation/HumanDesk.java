package io.resolvehub.core.conversation;

import io.resolvehub.core.ConversationId;
import io.resolvehub.core.TenantId;

/**
 * What a person does with a conversation the AI handed off: reply on its own channel, close it, or hand it back to
 * the AI (REST {@code /replies}, {@code /close}, {@code /return-to-ai}). Thread-safe.
 *
 * <p>Every method throws {@link ConversationNotFoundException} when the conversation is not the tenant's, and
 * {@link ConversationStateConflict} when it is not escalated (a person acts only on what a person owns).
 */
public interface HumanDesk {

    /**
     * Posts a person's reply in the conversation's own thread (Slack thread, Teams reply chain, Zendesk ticket; the
     * web channel's transcript) and keeps it in the transcript as a {@code human} turn.
     *
     * @param author who replies, shown to the customer before the text
     * @throws io.resolvehub.core.channel.ChannelException when the platform refused the message; the turn stays in the
     *         transcript, marked undelivered
     */
    void reply(TenantId tenant, ConversationId conversation, String author, String text);

    /** Ends the conversation as resolved by a person or unresolved. Never billed: the hold was released at hand-off. */
    void close(TenantId tenant, ConversationId conversation, CloseOutcome outcome, String by);

    /** escalated → open with fresh turn counts: the AI answers the customer's next message again. */
    void returnToAi(TenantId tenant, ConversationId conversation, String by);

    enum CloseOutcome {
        RESOLVED_BY_HUMAN, UNRESOLVED;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
