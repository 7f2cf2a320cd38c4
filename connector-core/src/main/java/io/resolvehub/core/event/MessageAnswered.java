package io.resolvehub.core.event;

import io.resolvehub.core.Answer;
import io.resolvehub.core.ChannelType;
import io.resolvehub.core.ConversationId;
import io.resolvehub.core.TenantId;

import java.time.Instant;

/**
 * The hub replied to a user's message (answer, clarification or hand-off); insights count these.
 *
 * @param at         when the reply was decided and stored (it is posted right after)
 * @param receivedAt when the hub received the message it replies to: {@code at - receivedAt} is how long the user
 *                   waited, which the hub's metrics report
 */
public record MessageAnswered(TenantId tenant, ConversationId conversation, ChannelType channel, String question,
                              Answer answer, Instant at, Instant receivedAt) {

    public MessageAnswered {
        receivedAt = receivedAt == null ? at : receivedAt;
    }

    /** A reply whose question's arrival is not known (counted as answered at once). */
    public MessageAnswered(TenantId tenant, ConversationId conversation, ChannelType channel, String question,
                           Answer answer, Instant at) {
        this(tenant, conversation, channel, question, answer, at, at);
    }
}
