package io.resolvehub.teams;

import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ResourceResponse;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.UserRef;
import io.resolvehub.core.channel.ChannelConnector;
import io.resolvehub.core.channel.ChannelException;
import io.resolvehub.core.channel.ConversationRef;
import io.resolvehub.core.channel.ConversationView;
import io.resolvehub.core.channel.DeliveryReceipt;
import io.resolvehub.core.channel.HandoffRequest;
import io.resolvehub.core.channel.OutboundMessage;
import io.resolvehub.core.channel.Report;
import io.resolvehub.core.channel.TicketRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One tenant's Microsoft Teams: replies to the activity being answered (same personal chat or channel reply chain),
 * performs hand-offs (ticket at the tenant's desk, a post in the escalation conversation, a notice in place).
 */
final class TeamsChannelConnector implements ChannelConnector {

    private static final Logger log = LoggerFactory.getLogger(TeamsChannelConnector.class);

    private static final TeamsReportRenderer REPORTS = new TeamsReportRenderer();

    private final TenantId tenant;
    private final String teamsTenantId;
    private final String escalationConversationId;
    private final TeamsConnectorApi api;
    private final TeamsMessageRenderer renderer;

    TeamsChannelConnector(TenantId tenant, String teamsTenantId, String escalationConversationId, TeamsConnectorApi api,
                          TeamsMessageRenderer renderer) {
        this.tenant = tenant;
        this.teamsTenantId = teamsTenantId;
        this.escalationConversationId = escalationConversationId;
        this.api = api;
        this.renderer = renderer;
    }

    @Override
    public DeliveryReceipt send(OutboundMessage message) {
        List<Activity> parts = renderer.render(message.answer(), message.feedbackControls());
        // a resumed reply posts only the parts that did not go out yet
        for (int i = message.parts().count(); i < parts.size(); i++) {
            ResourceResponse sent = reply(message.conversation(), parts.get(i));
            message.parts().sent(sent == null ? null : sent.getId());
        }
        String id = message.parts().lastPlatformMessageId();
        return new DeliveryReceipt(id, id == null ? Map.of() : Map.of(TeamsReplyContext.CARD_ACTIVITY_ID, id));
    }

    @Override
    public TicketRef handOff(HandoffRequest request) {
        ConversationRef ref = request.conversation().ref();
        Target target = Target.of(ref);
        String link = threadLink(ref);
        ConversationView withRequester = new ConversationView(
                new ConversationRef(ref.id(), ref.tenant(), ref.channel(), ref.threadKey(), requester(ref), ref.replyContext()),
                request.conversation().status(), request.conversation().turns());
        TicketRef ticket = request.desk().openTicket(withRequester, request.reason(), link);
        log.info("Teams hand-off for tenant {} conversation {}: ticket {} {}", tenant, target.conversationId(), ticket.system(), ticket.id());

        if (escalationConversationId != null && !escalationConversationId.isBlank()) {
            try {
                api.send(target.serviceUrl(), escalationConversationId, renderer.notice(escalationNotice(request, withRequester, link, ticket)));
            } catch (RuntimeException e) {
                log.warn("Teams escalation post to {} failed after the ticket was opened: {}", escalationConversationId, e.getMessage());
            }
        }
        // The user must hear that a person will follow up: failures here go back to the pipeline.
        reply(ref, renderer.notice(request.noticeFor(ticket)));
        return ticket;
    }

    /** A report (the insights digest) as an Adaptive Card in {@code destination}, a conversation id. */
    @Override
    public DeliveryReceipt post(String destination, Report report) {
        return DeliveryReceipt.of(api.post(destination, REPORTS.render(report)).getId());
    }

    @Override
    public void confirmResolved(ConversationRef conversation) {
        reply(conversation, renderer.notice("\u2705 Glad that helped! Marked as solved."));
    }

    private ResourceResponse reply(ConversationRef ref, Activity activity) {
        Target target = Target.of(ref);
        if (target.activityId() == null) {
            return api.send(target.serviceUrl(), target.conversationId(), activity);
        }
        return api.reply(target.serviceUrl(), target.conversationId(), target.activityId(), activity);
    }

    /** The user with their email where the tenant lets the bot read it (the Zendesk requester). */
    private UserRef requester(ConversationRef ref) {
        UserRef user = ref.user();
        String userId = ref.replyContext().get(TeamsReplyContext.USER_ID);
        if (userId == null) {
            return user;
        }
        try {
            ChannelAccount member = api.member(Target.of(ref).serviceUrl(), Target.of(ref).conversationId(), userId);
            String email = property(member, "email");
            if (email == null) {
                email = property(member, "userPrincipalName");
            }
            String name = member.getName() != null ? member.getName() : user == null ? null : user.displayName();
            return new UserRef(user == null ? userId : user.platformId(), name, email != null && email.contains("@") ? email : user == null ? null : user.email());
        } catch (ChannelException e) {
            log.info("Teams member lookup unavailable for {} ({}); the ticket names the Teams user", userId, e.getMessage());
            return user;
        }
    }

    private static String property(ChannelAccount member, String name) {
        if (member == null || member.getProperties() == null || member.getProperties().get(name) == null) {
            return null;
        }
        String value = member.getProperties().get(name).asText(null);
        return value == null || value.isBlank() ? null : value;
    }

    /**
     * A deep link to the channel message the conversation hangs off; null in chats, which have no message link the bot
     * can build.
     *
     * @see <a href="https://learn.microsoft.com/microsoftteams/platform/concepts/build-and-test/deep-link-teams#deep-link-to-a-chat-or-channel-message">Deep link to a channel message</a>
     */
    String threadLink(ConversationRef ref) {
        String conversationId = ref.threadKey();
        int marker = conversationId == null ? -1 : conversationId.indexOf(";messageid=");
        if (marker < 0) {
            return null;
        }
        String channelId = conversationId.substring(0, marker);
        String messageId = conversationId.substring(marker + ";messageid=".length());
        return "https://teams.microsoft.com/l/message/" + encode(channelId) + "/" + encode(messageId)
                + "?tenantId=" + encode(teamsTenantId) + "&parentMessageId=" + encode(messageId);
    }

    private static String escalationNotice(HandoffRequest request, ConversationView view, String link, TicketRef ticket) {
        String who = view.ref().user() == null ? "a user" : view.ref().user().label();
        String where = link == null ? "a personal chat" : "[the conversation](" + link + ")";
        String ticketText = ticket.url() == null ? ticket.display() : "[" + ticket.display() + "](" + ticket.url() + ")";
        String question = view.firstQuestion();
        if (question.length() > 300) {
            question = question.substring(0, 299) + "\u2026";
        }
        return "\uD83D\uDE4B Hand-off (" + request.reason().wire() + ") from " + who + " in " + where + ": ticket "
                + ticketText + "\n\n> " + question;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Where a reply goes, from the reply context the translator stored. */
    private record Target(String serviceUrl, String conversationId, String activityId) {
        static Target of(ConversationRef ref) {
            Map<String, String> context = ref.replyContext();
            String conversationId = context.getOrDefault(TeamsReplyContext.CONVERSATION_ID, ref.threadKey());
            return new Target(context.get(TeamsReplyContext.SERVICE_URL), conversationId, context.get(TeamsReplyContext.ACTIVITY_ID));
        }
    }
}
