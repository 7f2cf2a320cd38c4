package io.resolvehub.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.Mention;
import com.microsoft.bot.schema.Serialization;
import com.microsoft.bot.schema.teams.TeamsChannelData;
import io.resolvehub.core.ChannelType;
import io.resolvehub.core.InboundKind;
import io.resolvehub.core.InboundMessage;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.UserRef;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Teams activities to channel-neutral {@link InboundMessage}s, deciding which are addressed to the hub: a personal
 * chat message, a channel or group-chat message that @mentions the bot (the mention is stripped), or a click on the
 * answer card's buttons ({@code value.hubAction}). Everything else (conversation updates, reactions, typing, other
 * people's chatter) is not for the hub.
 *
 * @see <a href="https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/channel-and-group-conversations">Channel and group conversations</a>
 */
final class TeamsActivityTranslator {

    static final String PERSONAL = "personal";

    /** The activity's Microsoft 365 tenant ({@code channelData.tenant.id}, else {@code conversation.tenantId}). */
    static Optional<String> teamsTenantId(Activity activity) {
        TeamsChannelData data = activity.teamsGetChannelData();
        if (data != null && data.getTenant() != null && notBlank(data.getTenant().getId())) {
            return Optional.of(data.getTenant().getId());
        }
        if (activity.getConversation() != null && notBlank(activity.getConversation().getTenantId())) {
            return Optional.of(activity.getConversation().getTenantId());
        }
        return Optional.empty();
    }

    /** The hub's event for the activity, or empty when it is not addressed to the hub. */
    Optional<InboundMessage> translate(TenantId tenant, String teamsTenantId, Activity activity) {
        if (!ActivityTypes.MESSAGE.equals(activity.getType()) || activity.getConversation() == null
                || activity.getFrom() == null || activity.getRecipient() == null || !notBlank(activity.getId())) {
            return Optional.empty();
        }
        if (activity.getFrom().getId() != null && activity.getFrom().getId().equals(activity.getRecipient().getId())) {
            return Optional.empty(); // the bot's own message
        }
        String conversationType = activity.getConversation().getConversationType();
        Optional<InboundKind> click = cardAction(activity);
        String text;
        InboundKind kind;
        if (click.isPresent()) {
            kind = click.get();
            text = "";
        } else {
            Optional<String> botName = botMention(activity);
            boolean personal = PERSONAL.equals(conversationType);
            if (!personal && botName.isEmpty()) {
                return Optional.empty(); // channel chatter that does not address the bot (with RSC, Teams sends it all)
            }
            kind = InboundKind.MESSAGE;
            text = TeamsMentionText.question(activity.getText(), botName.orElse(activity.getRecipient().getName()));
        }
        String conversationId = activity.getConversation().getId();
        Map<String, String> context = new HashMap<>();
        context.put(TeamsReplyContext.SERVICE_URL, activity.getServiceUrl());
        context.put(TeamsReplyContext.CONVERSATION_ID, conversationId);
        context.put(TeamsReplyContext.ACTIVITY_ID, activity.getId());
        context.put(TeamsReplyContext.TEAMS_TENANT_ID, teamsTenantId);
        if (conversationType != null) {
            context.put(TeamsReplyContext.CONVERSATION_TYPE, conversationType);
        }
        if (activity.getFrom().getId() != null) {
            context.put(TeamsReplyContext.USER_ID, activity.getFrom().getId());
        }
        if (click.isPresent() && notBlank(activity.getReplyToId())) {
            context.put(TeamsReplyContext.CARD_ACTIVITY_ID, activity.getReplyToId());
        }
        ChannelAccount from = activity.getFrom();
        UserRef user = new UserRef(notBlank(from.getAadObjectId()) ? from.getAadObjectId() : from.getId(), from.getName(), null);
        return Optional.of(new InboundMessage(tenant, ChannelType.TEAMS, eventId(conversationId, activity.getId()),
                conversationId, kind, text, user, context, Instant.now()));
    }

    /**
     * The intake's dedupe key. Teams message ids are millisecond timestamps, unique within a conversation but not
     * across conversations, so the key is the activity id qualified by a digest of the conversation id (which can be
     * long).
     */
    static String eventId(String conversationId, String activityId) {
        String id = activityId.length() > 120 ? digest(activityId) : activityId;
        return id + "@" + digest(conversationId == null ? "" : conversationId).substring(0, 24);
    }

    /** A click on the answer card: a message whose {@code value} carries {@code hubAction}. */
    static Optional<InboundKind> cardAction(Activity activity) {
        if (activity.getValue() == null) {
            return Optional.empty();
        }
        JsonNode value = Serialization.objectToTree(activity.getValue());
        String action = value == null ? null : value.path(TeamsMessageRenderer.HUB_ACTION).asText(null);
        if (TeamsMessageRenderer.ACTION_RESOLVED.equals(action)) {
            return Optional.of(InboundKind.RESOLVED);
        }
        if (TeamsMessageRenderer.ACTION_HANDOFF.equals(action)) {
            return Optional.of(InboundKind.HANDOFF_REQUEST);
        }
        return Optional.empty();
    }

    /** The bot's display name as mentioned in the text, when the activity @mentions the bot. */
    private static Optional<String> botMention(Activity activity) {
        String botId = activity.getRecipient().getId();
        for (Mention mention : activity.getMentions()) {
            ChannelAccount mentioned = mention.getMentioned();
            if (mentioned != null && botId != null && botId.equals(mentioned.getId())) {
                String name = mention.getText() != null
                        ? mention.getText().replaceAll("(?i)</?at>", "").strip() : mentioned.getName();
                return Optional.of(name == null ? "" : name);
            }
        }
        return Optional.empty();
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }

    private static String digest(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
