package io.resolvehub.slack;

import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.Message;
import com.slack.api.model.User;
import io.resolvehub.core.ChatTurn;
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
import io.resolvehub.core.channel.SentParts;
import io.resolvehub.core.channel.TicketRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;

/** One tenant's Slack workspace: posts answers in threads, performs hand-offs, shows outcomes in place. */
final class SlackChannelConnector implements ChannelConnector {

    private static final Logger log = LoggerFactory.getLogger(SlackChannelConnector.class);
    private static final SlackReportRenderer REPORTS = new SlackReportRenderer();

    private final TenantId tenant;
    private final String teamId;
    private final String botToken;
    private final String escalationChannel;
    private final SlackWebApi api;
    private final SlackMessageRenderer renderer;
    private final SlackThreads threads;
    private final SlackThreadHistory history;
    private final SlackAnswerButtons buttons;
    private final SlackPartMarks marks;

    SlackChannelConnector(TenantId tenant, String teamId, String botToken, String escalationChannel, SlackWebApi api,
                          SlackMessageRenderer renderer, SlackThreads threads, SlackThreadHistory history) {
        this.tenant = tenant;
        this.teamId = teamId;
        this.botToken = botToken;
        this.escalationChannel = escalationChannel;
        this.api = api;
        this.renderer = renderer;
        this.threads = threads;
        this.history = history;
        this.buttons = new SlackAnswerButtons(api, renderer);
        this.marks = new SlackPartMarks(api);
    }

    @Override
    public List<ChatTurn> earlierMessages(ConversationRef conversation) {
        String before = conversation.replyContext().get(SlackReplyContext.EARLIER_BEFORE);
        if (before == null) {
            return List.of();
        }
        SlackThreadKey thread = SlackThreadKey.parse(conversation.threadKey());
        return history.before(botToken, thread.channel(), thread.threadTs(), before,
                conversation.replyContext().get(SlackReplyContext.BOT_USER_ID));
    }

    @Override
    public DeliveryReceipt send(OutboundMessage message) {
        SlackThreadKey thread = SlackThreadKey.parse(message.conversation().threadKey());
        threads.remember(teamId, thread.channel(), thread.threadTs());
        List<SlackMessageRenderer.SlackMessage> parts = renderer.render(message.answer(), message.feedbackControls(),
                thread.toString());
        // a resumed reply posts only the parts that did not go out yet
        for (int i = message.parts().count(); i < parts.size(); i++) {
            postOnce(thread, parts.get(i), message.parts());
        }
        String lastTs = message.parts().lastPlatformMessageId();
        return new DeliveryReceipt(lastTs, lastTs == null ? Map.of() : Map.of(SlackReplyContext.MESSAGE_TS, lastTs));
    }

    @Override
    public TicketRef handOff(HandoffRequest request) {
        ConversationRef ref = request.conversation().ref();
        SlackThreadKey thread = SlackThreadKey.parse(ref.threadKey());
        String permalink = permalink(thread);
        ConversationView withRequester = new ConversationView(
                new ConversationRef(ref.id(), ref.tenant(), ref.channel(), ref.threadKey(), requester(ref.user()), ref.replyContext()),
                request.conversation().status(), request.conversation().turns());
        TicketRef ticket = request.desk().openTicket(withRequester, request.reason(), permalink);
        log.info("Slack hand-off for tenant {} thread {}: ticket {} {}", tenant, thread, ticket.system(), ticket.id());

        if (escalationChannel != null && !escalationChannel.isBlank()) {
            bestEffort("escalation post", () -> post(escalationChannel, null, escalationNotice(request, withRequester, permalink, ticket)));
        }
        bestEffort("button update", () -> buttons.replace(botToken, ref, "Handed to a person: ticket " + ticket.display()));
        // The user must hear that a person will follow up: failures here go back to the pipeline.
        if (request.notice().count() == 0) {
            postOnce(thread, renderer.notice(request.noticeFor(ticket)), request.notice());
        }
        return ticket;
    }

    /** A report (the insights digest) as one Block Kit message in {@code destination}, a channel id. */
    @Override
    public DeliveryReceipt post(String destination, Report report) {
        return DeliveryReceipt.of(post(destination, null, REPORTS.render(report)).getTs());
    }

    @Override
    public void confirmResolved(ConversationRef conversation) {
        if (!buttons.replace(botToken, conversation, "\u2705 Solved \u2014 glad that helped!")) {
            SlackThreadKey thread = SlackThreadKey.parse(conversation.threadKey());
            post(thread.channel(), thread.threadTs(), renderer.notice("\u2705 Glad that helped! Marked as solved."));
        }
    }

    /**
     * Posts the next part of a reply in its thread, marked with its key. Every attempt after one that may have gone
     * through (a crash, a timeout after Slack had it) first looks for the mark, so the part is never posted twice.
     */
    private void postOnce(SlackThreadKey thread, SlackMessageRenderer.SlackMessage part, SentParts parts) {
        String key = parts.partKey(parts.count());
        ChatPostMessageRequest request = request(thread.channel(), thread.threadTs(), part, SlackPartMarks.of(key));
        parts.sent(api.pacedPost(thread.channel(), () -> {
            String found = parts.mayHavePosted() ? marks.find(botToken, thread, key) : null;
            if (found != null) {
                log.info("Slack reply part {} in thread {} went out before an interruption; not posted again", key, thread);
                return found;
            }
            parts.posting();
            return api.postMessageOnce(botToken, request).getTs();
        }));
    }

    private ChatPostMessageResponse post(String channel, String threadTs, SlackMessageRenderer.SlackMessage message) {
        return api.postMessage(botToken, request(channel, threadTs, message, null));
    }

    private static ChatPostMessageRequest request(String channel, String threadTs, SlackMessageRenderer.SlackMessage message,
                                                  Message.Metadata metadata) {
        return ChatPostMessageRequest.builder()
                .channel(channel).threadTs(threadTs).text(message.text()).blocks(message.blocks()).metadata(metadata)
                .unfurlLinks(false).unfurlMedia(false).build();
    }

    private String permalink(SlackThreadKey thread) {
        try {
            return api.call(botToken, "chat.getPermalink", methods -> methods.chatGetPermalink(r -> r
                    .channel(thread.channel()).messageTs(thread.threadTs()))).getPermalink();
        } catch (ChannelException e) {
            log.warn("No permalink for Slack thread {}: {}", thread, e.getMessage());
            return null;
        }
    }

    /** The user with their email and real name where the workspace lets the app read them (users:read.email). */
    private UserRef requester(UserRef user) {
        if (user == null || user.platformId() == null) {
            return user;
        }
        try {
            UsersInfoResponse info = api.call(botToken, "users.info", methods -> methods.usersInfo(r -> r.user(user.platformId())));
            User u = info.getUser();
            String email = u.getProfile() == null ? null : u.getProfile().getEmail();
            String name = u.getRealName() != null && !u.getRealName().isBlank() ? u.getRealName() : u.getName();
            return new UserRef(user.platformId(), name != null ? name : user.displayName(), email != null ? email : user.email());
        } catch (ChannelException e) {
            log.info("Slack users.info unavailable for {} ({}); the ticket names the Slack user", user.platformId(), e.getMessage());
            return user;
        }
    }

    private static SlackMessageRenderer.SlackMessage escalationNotice(HandoffRequest request, ConversationView view,
                                                                      String permalink, TicketRef ticket) {
        String who = SlackText.neutralize(view.ref().user() == null ? "a user" : view.ref().user().label());
        String thread = permalink == null ? "the thread" : SlackText.link(permalink, "the thread");
        String ticketText = ticket.url() == null ? SlackText.neutralize(ticket.display()) : SlackText.link(ticket.url(), ticket.display());
        String text = ":raising_hand: Hand-off (" + request.reason().wire() + ") from " + who + " in " + thread
                + ": ticket " + ticketText + "\n>" + SlackText.neutralize(abbreviate(view.firstQuestion(), 300));
        return new SlackMessageRenderer.SlackMessage(text, List.of(com.slack.api.model.block.SectionBlock.builder()
                .text(com.slack.api.model.block.composition.MarkdownTextObject.builder().text(text).build()).build()));
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "\u2026";
    }

    private static void bestEffort(String what, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            log.warn("Slack {} failed after the ticket was opened: {}", what, e.getMessage());
        }
    }
}
