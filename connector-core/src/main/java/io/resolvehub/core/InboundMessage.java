package io.resolvehub.core;

import java.time.Instant;
import java.util.List;
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
 * @param priorTurns      platform messages that came before this one and that the hub never received (the earlier
 *                        messages of a thread in which the hub is addressed for the first time), oldest first. Not
 *                        stored: the worker asks the connector for them
 *                        ({@link io.resolvehub.core.channel.ChannelConnector#earlierMessages}) outside the
 *                        platform's acknowledgement window, and the agent sees them before the conversation's own turns
 */
public record InboundMessage(TenantId tenant, ChannelType channel, String platformEventId, String threadKey,
                             InboundKind kind, String text, UserRef user, Map<String, String> replyContext,
                             Instant receivedAt, List<ChatTurn> priorTurns) {

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
        priorTurns = priorTurns == null ? List.of() : List.copyOf(priorTurns);
    }

    /** An event as a connector translates it: the earlier turns, if any, are the worker's to fetch. */
    public InboundMessage(TenantId tenant, ChannelType channel, String platformEventId, String threadKey,
                          InboundKind kind, String text, UserRef user, Map<String, String> replyContext,
                          Instant receivedAt) {
        this(tenant, channel, platformEventId, threadKey, kind, text, user, replyContext, receivedAt, List.of());
    }

    /** This event with the thread's earlier messages. */
    public InboundMessage withPriorTurns(List<ChatTurn> turns) {
        return new InboundMessage(tenant, channel, platformEventId, threadKey, kind, text, user, replyContext,
                receivedAt, turns);
    }
}
