package io.resolvehub.slack;

import com.google.gson.Gson;
import com.slack.api.app_backend.events.payload.Authorization;
import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.util.json.GsonFactory;
import io.resolvehub.core.ChannelType;
import io.resolvehub.core.InboundKind;
import io.resolvehub.core.InboundMessage;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.channel.ChannelAccounts;
import io.resolvehub.core.channel.ChannelException;
import io.resolvehub.core.inbound.InboundEndpoint;
import io.resolvehub.core.inbound.InboundLimits;
import io.resolvehub.core.inbound.InboundOutcome;
import io.resolvehub.core.inbound.InboundRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /slack/events} as core's inbound kit runs it: {@link SlackRequests} verifies and reads the request, the
 * workspace's tenant is looked up in the hub's channel records, and what is addressed to the hub (a mention, a direct
 * message, a follow-up in a thread it answers, {@code /ask}, a click on an answer's buttons) becomes an
 * {@link InboundMessage}. Answering happens later, through the pipeline.
 */
final class SlackEndpoint implements InboundEndpoint<SlackDelivery> {

    static final String PATH = SlackBoltApp.EVENTS_PATH;

    private static final Logger log = LoggerFactory.getLogger(SlackEndpoint.class);
    private static final Gson GSON = GsonFactory.createSnakeCase();

    private final SlackRequests requests;
    private final ChannelAccounts accounts;
    private final SlackThreads threads;
    private final SlackWebApi api;
    private final SlackEventTranslator translator = new SlackEventTranslator();

    SlackEndpoint(SlackRequests requests, ChannelAccounts accounts, SlackThreads threads, SlackWebApi api) {
        this.requests = requests;
        this.accounts = accounts;
        this.threads = threads;
        this.api = api;
    }

    @Override
    public String name() {
        return "Slack request";
    }

    @Override
    public Verified<SlackDelivery> verify(InboundRequest request) {
        return requests.read(request);
    }

    @Override
    public Optional<TenantId> tenant(SlackDelivery delivery) {
        String teamId = delivery.teamId();
        if (teamId == null) {
            log.warn("Slack {} without a team id: acknowledged, ignored", delivery.getClass().getSimpleName());
            return Optional.empty();
        }
        InboundLimits.id("Slack team id", teamId, SlackThreads.MAX_ID_LENGTH);
        Optional<TenantId> tenant = accounts.tenantForAccount(ChannelType.SLACK, teamId);
        if (tenant.isPresent() && (!delivery.needsBotToken() || botToken(tenant.get()).isPresent())) {
            return tenant;
        }
        log.warn("Slack {} from workspace {} that no tenant has installed: acknowledged, ignored",
                delivery.getClass().getSimpleName(), teamId);
        return Optional.empty();
    }

    @Override
    public Optional<InboundMessage> translate(TenantId tenant, SlackDelivery delivery) {
        Optional<InboundMessage> message = switch (delivery) {
            case SlackDelivery.Mention mention -> mention(tenant, mention.payload());
            case SlackDelivery.Message m -> message(tenant, m.payload());
            case SlackDelivery.Command command -> Optional.of(ask(tenant, command.payload()));
            case SlackDelivery.ButtonClick click -> Optional.of(translator.action(tenant, click.payload(), click.kind()));
            case SlackDelivery.AppRemoved removed -> forget(tenant, removed);
        };
        // bounded before anything is written: a field longer than the hub keeps is a malformed delivery (400)
        Optional<InboundMessage> bounded = message.map(InboundLimits::bounded);
        bounded.filter(SlackEndpoint::startsOrContinuesAThread).ifPresent(m -> {
            SlackThreadKey thread = SlackThreadKey.parse(m.threadKey());
            InboundLimits.id("Slack channel id", thread.channel(), SlackThreads.MAX_ID_LENGTH);
            InboundLimits.id("Slack thread ts", thread.threadTs(), SlackThreads.MAX_ID_LENGTH);
        });
        return bounded;
    }

    /**
     * The thread the hub now answers in, remembered in the intake's transaction: one commit before the 200 instead
     * of two, and a thread is never remembered for an event that was not stored.
     */
    @Override
    public void storedWith(TenantId tenant, SlackDelivery delivery, InboundMessage message) {
        if (startsOrContinuesAThread(message)) {
            SlackThreadKey thread = SlackThreadKey.parse(message.threadKey());
            threads.remember(delivery.teamId(), thread.channel(), thread.threadTs());
        }
    }

    private static boolean startsOrContinuesAThread(InboundMessage message) {
        return message.kind() == InboundKind.MESSAGE || message.kind() == InboundKind.TOO_LONG;
    }

    /** Slack does not deliver a slash command again: its user is told instead, in the command's ephemeral reply. */
    @Override
    public InboundOutcome acknowledgement(SlackDelivery delivery, InboundOutcome outcome) {
        if (!(delivery instanceof SlackDelivery.Command)) {
            return outcome;
        }
        return switch (outcome) {
            case InboundOutcome.Unavailable unavailable ->
                    ephemeral("not stored", "Sorry, I couldn't take your question right now. Please try again in a minute.");
            case InboundOutcome.Accepted accepted when InboundOutcome.NO_TENANT.equals(accepted.note()) ->
                    ephemeral(accepted.note(), "This workspace is not connected to ResolveHub yet.");
            default -> outcome;
        };
    }

    /** A slash command's acknowledgement that only its user sees. */
    static InboundOutcome ephemeral(String note, String text) {
        return InboundOutcome.acknowledgedWith(note, "application/json", GSON.toJson(Map.of("text", text)));
    }

    private Optional<InboundMessage> mention(TenantId tenant, EventsApiPayload<AppMentionEvent> payload) {
        AppMentionEvent event = payload.getEvent();
        if (event.getBotId() != null || event.getSubtype() != null || event.getEdited() != null) {
            return Optional.empty();
        }
        String botUserId = botUserId(payload);
        boolean insideThread = event.getThreadTs() != null && !event.getThreadTs().equals(event.getTs());
        // the thread's earlier messages are fetched by the worker, not inside Slack's 3 seconds
        boolean joinsMidway = insideThread && !threads.isAnswering(payload.getTeamId(), event.getChannel(), event.getThreadTs());
        return Optional.of(translator.mention(tenant, payload.getTeamId(), payload.getEventId(), event, botUserId, joinsMidway));
    }

    private Optional<InboundMessage> message(TenantId tenant, EventsApiPayload<MessageEvent> payload) {
        MessageEvent event = payload.getEvent();
        if (event.getBotId() != null || event.getEdited() != null || event.getUser() == null) {
            return Optional.empty();
        }
        String botUserId = botUserId(payload);
        boolean direct = "im".equals(event.getChannelType());
        boolean followUp = !direct && event.getThreadTs() != null && !event.getThreadTs().equals(event.getTs())
                && threads.isAnswering(payload.getTeamId(), event.getChannel(), event.getThreadTs());
        // A message that mentions the hub also arrives as app_mention; answering it twice would be wrong.
        boolean mentionsHub = botUserId != null && event.getText() != null && event.getText().contains("<@" + botUserId);
        if (!(direct || followUp) || (mentionsHub && !direct)) {
            return Optional.empty();
        }
        return Optional.of(translator.message(tenant, payload.getTeamId(), payload.getEventId(), event, botUserId));
    }

    /** {@code /ask}: the question is posted in the channel first, so the answer has a thread to go in. */
    private InboundMessage ask(TenantId tenant, SlashCommandPayload payload) {
        String question = SlackEventTranslator.plainText(payload.getText(), null);
        String who = payload.getUserName() != null ? payload.getUserName() : "Someone";
        String shown = question.length() <= InboundLimits.MAX_QUESTION ? question
                : question.substring(0, InboundLimits.MAX_QUESTION) + "\u2026"; // the rest is not answered either
        String text = ":speech_balloon: *" + SlackText.neutralize(who) + "* asked: " + SlackText.neutralize(shown);
        String questionTs;
        try {
            questionTs = api.postMessage(botToken(tenant).orElseThrow(), ChatPostMessageRequest.builder()
                    .channel(payload.getChannelId()).text(text).unfurlLinks(false).build()).getTs();
        } catch (ChannelException e) {
            throw new Ended(ephemeral("cannot post",
                    "I can't post in this channel. Invite me first (/invite), or mention me in a message."),
                    "/ask could not post in " + payload.getChannelId() + ": " + e.getMessage());
        }
        return translator.command(tenant, payload, questionTs);
    }

    private Optional<InboundMessage> forget(TenantId tenant, SlackDelivery.AppRemoved removed) {
        accounts.remove(tenant, ChannelType.SLACK);
        threads.forgetTeam(removed.teamId());
        log.info("Slack workspace {} removed from tenant {} ({})", removed.teamId(), tenant, removed.why());
        return Optional.empty();
    }

    private Optional<String> botToken(TenantId tenant) {
        return accounts.find(tenant, ChannelType.SLACK).flatMap(s -> s.get(SlackConnectorFactory.BOT_TOKEN));
    }

    private static String botUserId(EventsApiPayload<?> payload) {
        if (payload.getAuthorizations() == null) {
            return null;
        }
        return payload.getAuthorizations().stream()
                .filter(a -> Boolean.TRUE.equals(a.getIsBot()))
                .map(Authorization::getUserId).findFirst().orElse(null);
    }
}
