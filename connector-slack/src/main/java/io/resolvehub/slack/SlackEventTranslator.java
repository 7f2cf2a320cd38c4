package io.resolvehub.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageEvent;
import io.resolvehub.core.ChannelType;
import io.resolvehub.core.ChatTurn;
import io.resolvehub.core.InboundKind;
import io.resolvehub.core.InboundMessage;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.UserRef;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Slack payloads to channel-neutral {@link InboundMessage}s. Pure: deciding whether an event is for the hub at all
 * (bots, edits, strangers' threads) is {@link SlackEndpoint}'s job.
 */
final class SlackEventTranslator {

    private static final Pattern USER_MENTION = Pattern.compile("<@([UW][A-Z0-9]+)(?:\\|([^>]*))?>");
    private static final Pattern CHANNEL_MENTION = Pattern.compile("<#[CG][A-Z0-9]+\\|([^>]*)>");
    private static final Pattern SPECIAL = Pattern.compile("<!(here|channel|everyone)(?:\\|[^>]*)?>");
    private static final Pattern SUBTEAM = Pattern.compile("<!subteam\\^[A-Z0-9]+(?:\\|([^>]*))?>");
    private static final Pattern LINK = Pattern.compile("<((?:https?|mailto):[^|>]+)(?:\\|([^>]*))?>");

    /** @param joinsThreadMidway the hub is mentioned in a thread it has not answered in: its history is fetched later */
    InboundMessage mention(TenantId tenant, String teamId, String eventId, AppMentionEvent event, String botUserId,
                           boolean joinsThreadMidway) {
        SlackThreadKey thread = SlackThreadKey.of(event.getChannel(), event.getThreadTs(), event.getTs());
        Map<String, String> context = context(teamId, thread);
        if (joinsThreadMidway) {
            context.put(SlackReplyContext.EARLIER_BEFORE, event.getTs());
            if (botUserId != null) {
                context.put(SlackReplyContext.BOT_USER_ID, botUserId);
            }
        }
        return new InboundMessage(tenant, ChannelType.SLACK, eventId, thread.toString(), InboundKind.MESSAGE,
                plainText(event.getText(), botUserId), new UserRef(event.getUser(), null, null), context, Instant.now());
    }

    /** A DM, or a message in a thread the hub answers in. */
    InboundMessage message(TenantId tenant, String teamId, String eventId, MessageEvent event, String botUserId) {
        SlackThreadKey thread = SlackThreadKey.of(event.getChannel(), event.getThreadTs(), event.getTs());
        return new InboundMessage(tenant, ChannelType.SLACK, eventId, thread.toString(), InboundKind.MESSAGE,
                plainText(event.getText(), botUserId), new UserRef(event.getUser(), null, null),
                context(teamId, thread), Instant.now());
    }

    /** {@code /ask}: the question was posted by the hub as {@code questionTs}, which starts the thread. */
    InboundMessage command(TenantId tenant, SlashCommandPayload payload, String questionTs) {
        SlackThreadKey thread = new SlackThreadKey(payload.getChannelId(), questionTs);
        return new InboundMessage(tenant, ChannelType.SLACK, "command:" + payload.getTriggerId(), thread.toString(),
                InboundKind.MESSAGE, plainText(payload.getText(), null),
                new UserRef(payload.getUserId(), payload.getUserName(), null), context(payload.getTeamId(), thread),
                Instant.now());
    }

    /** A click on one of the answer's buttons. */
    InboundMessage action(TenantId tenant, BlockActionPayload payload, InboundKind kind) {
        BlockActionPayload.Action action = payload.getActions().getFirst();
        SlackThreadKey thread = threadOf(payload, action);
        Map<String, String> context = context(payload.getTeam().getId(), thread);
        String messageTs = payload.getContainer() != null ? payload.getContainer().getMessageTs() : null;
        if (messageTs != null) {
            context.put(SlackReplyContext.MESSAGE_TS, messageTs);
        }
        String eventId = "action:" + (payload.getTriggerId() != null ? payload.getTriggerId()
                : messageTs + ":" + action.getActionTs() + ":" + payload.getUser().getId());
        BlockActionPayload.User user = payload.getUser();
        return new InboundMessage(tenant, ChannelType.SLACK, eventId, thread.toString(), kind, "",
                new UserRef(user.getId(), user.getName() != null ? user.getName() : user.getUsername(), null),
                context, Instant.now());
    }

    private static SlackThreadKey threadOf(BlockActionPayload payload, BlockActionPayload.Action action) {
        if (action.getValue() != null) {
            try {
                return SlackThreadKey.parse(action.getValue());
            } catch (IllegalArgumentException ignored) {
                // a button the hub did not render: fall back to where it was clicked
            }
        }
        String channel = payload.getChannel() != null ? payload.getChannel().getId() : payload.getContainer().getChannelId();
        String threadTs = payload.getMessage() != null ? payload.getMessage().getThreadTs() : null;
        return SlackThreadKey.of(channel, threadTs, payload.getContainer().getMessageTs());
    }

    private static Map<String, String> context(String teamId, SlackThreadKey thread) {
        Map<String, String> context = new HashMap<>();
        context.put(SlackReplyContext.TEAM_ID, teamId);
        context.put(SlackReplyContext.CHANNEL, thread.channel());
        context.put(SlackReplyContext.THREAD_TS, thread.threadTs());
        return context;
    }

    /**
     * Slack's encoded message text as a person reads it: the hub's own mention removed, other mentions and links
     * spelled out, entities decoded.
     *
     * @see <a href="https://api.slack.com/reference/surfaces/formatting#retrieving-messages">Retrieving messages</a>
     */
    static String plainText(String text, String botUserId) {
        if (text == null) {
            return "";
        }
        String t = text;
        if (botUserId != null) {
            t = t.replaceAll("<@" + Pattern.quote(botUserId) + "(?:\\|[^>]*)?>", " ");
        }
        t = USER_MENTION.matcher(t).replaceAll(m -> Matcher.quoteReplacement("@" + (m.group(2) != null ? m.group(2) : m.group(1))));
        t = CHANNEL_MENTION.matcher(t).replaceAll(m -> Matcher.quoteReplacement("#" + m.group(1)));
        t = SPECIAL.matcher(t).replaceAll("@$1");
        t = SUBTEAM.matcher(t).replaceAll(m -> Matcher.quoteReplacement(m.group(1) != null ? m.group(1) : "@group"));
        t = LINK.matcher(t).replaceAll(m -> Matcher.quoteReplacement(m.group(2) != null && !m.group(2).equals(m.group(1))
                ? m.group(2) + " (" + m.group(1) + ")" : m.group(1)));
        t = t.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        return t.replaceAll("[ \\t]{2,}", " ").strip();
    }
}
