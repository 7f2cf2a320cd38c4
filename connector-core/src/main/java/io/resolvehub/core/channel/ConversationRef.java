package io.resolvehub.core.channel;

import io.resolvehub.core.ChannelType;
import io.resolvehub.core.ConversationId;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.UserRef;

import java.util.Map;

/**
 * Where to reply: the conversation and the reply context of the event being answered.
 *
 * @param replyContext the {@link io.resolvehub.core.InboundMessage#replyContext()} of the event being handled
 */
public record ConversationRef(ConversationId id, TenantId tenant, ChannelType channel, String threadKey, UserRef user,
                              Map<String, String> replyContext) {

    public ConversationRef {
        replyContext = replyContext == null ? Map.of() : Map.copyOf(replyContext);
    }
}
