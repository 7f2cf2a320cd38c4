package io.resolvehub.core;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A channel-neutral event addressed to the hub, translated from a platform's payload by a connector.
 *
 * @param tenant          the tenant the event belongs to (resolved by the connector from team / tenant / webhook path)
 * @param channel         the channel it came from
 * @param platformEventId the platform's unique id of this delivery's event (Slack {@code event_id}, Teams activity id,
 *                        Zendesk invocation id); the intake drops a second event with the same id for the same channel
 * @param threadKey       identifies the conversation within the channel: a Slack {@code channel:thread_ts}, a Teams
 *                        conversation id (+ reply chain), a Zendesk ticket id, a web conversation id
 * @param kind            what the event asks for
 * @param text            the user's text (for {@link InboundKind#MESSAGE}); may be empty for button events
 * @param user            who sent it
 * @param replyContext    whatever the connector needs to reply in place later (channel id, service URL, activity
 *                        id, message ts of the answer a button was on, …); stored with the event, opaque to core
 * @param receivedAt      when the hub received it
 */
public record InboundMessage(TenantId tenant, ChannelType channel, String platformEventId, String threadKey,
                             InboundKind kind, String text, UserRef user, Map<String, String> replyContext,
                             Instant receivedAt) {

    public InboundMessage {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(platformEventId, "platformEventId");
        Objects.requireNonNull(threadKey, "threadKey");
        Objects.requireNonNull(kind, "kind");
        text = text == null ? "" : text;
        user = user == null ? UserRef.anonymous() : user;
        replyContext = replyContext == null ? Map.of() : Map.copyOf(replyContext);
        receivedAt = receivedAt == null ? Instant.now() : receivedAt;
    }
}
