package io.resolvehub.core;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
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
 * @see #PRIOR_TURNS
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

    /**
     * {@link #replyContext} key under which a connector passes platform messages that came before this one and that
     * the hub never received: e.g. the earlier messages of a Slack thread in which the hub is mentioned for the first
     * time. The pipeline prepends {@link #priorTurns()} to the conversation's own history when it asks the agent, so
     * the answer has the thread's context. Set it with {@link #encodePriorTurns}.
     */
    public static final String PRIOR_TURNS = "hub.priorTurns";

    /** The turns passed under {@link #PRIOR_TURNS}, oldest first; empty when none. */
    public List<ChatTurn> priorTurns() {
        String encoded = replyContext.get(PRIOR_TURNS);
        if (encoded == null || encoded.isBlank()) {
            return List.of();
        }
        List<ChatTurn> turns = new ArrayList<>();
        for (String line : encoded.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                String text = new String(Base64.getDecoder().decode(line.substring(colon + 1)), StandardCharsets.UTF_8);
                turns.add(new ChatTurn(ChatTurn.Role.fromWire(line.substring(0, colon)), text));
            }
        }
        return List.copyOf(turns);
    }

    /** The {@link #PRIOR_TURNS} value for {@code turns}: one {@code role:base64(text)} line per turn. */
    public static String encodePriorTurns(List<ChatTurn> turns) {
        StringBuilder out = new StringBuilder();
        for (ChatTurn turn : turns) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append(turn.role().wire()).append(':')
                    .append(Base64.getEncoder().encodeToString(turn.text().getBytes(StandardCharsets.UTF_8)));
        }
        return out.toString();
    }
}
