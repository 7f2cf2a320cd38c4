package io.resolvehub.core.channel;

import java.util.Map;

/**
 * What the platform returned for a sent message.
 *
 * @param platformMessageId the message's id on the platform (Slack ts, Teams activity id, Zendesk comment id)
 * @param replyContext      values the connector wants stored for later in-place updates (e.g. the answer's ts)
 */
public record DeliveryReceipt(String platformMessageId, Map<String, String> replyContext) {

    public DeliveryReceipt {
        replyContext = replyContext == null ? Map.of() : Map.copyOf(replyContext);
    }

    public static DeliveryReceipt of(String platformMessageId) {
        return new DeliveryReceipt(platformMessageId, Map.of());
    }
}
