package io.resolvehub.slack;

import com.slack.api.app_backend.events.payload.Authorization;
import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.model.Message;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.AppUninstalledEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.event.TokensRevokedEvent;
import io.resolvehub.core.ChannelType;
import io.resolvehub.core.ChatTurn;
import io.resolvehub.core.InboundIntake;
import io.resolvehub.core.InboundKind;
import io.resolvehub.core.InboundMessage;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.channel.ChannelAccounts;
import io.resolvehub.core.channel.ChannelException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The Bolt listeners: decide whether a Slack event is addressed to the hub, translate it, hand it to the durable
 * intake and only then acknowledge. Answering happens later, asynchronously, through the pipeline.
 */
final class SlackInbound implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SlackInbound.class);
    private static final int HISTORY_TURNS = 20;
    private static final int HISTORY_TURN_CHARS = 2000;

    private final ChannelAccounts accounts;
    private final InboundIntake intake;
    private final SlackThreads threads;
    private final SlackWebApi api;
    private final SlackEventTranslator translator;
    private final Duration historyTimeout;
    private final ExecutorService historyExecutor;

    SlackInbound(ChannelAccounts accounts, InboundIntake intake, SlackThreads threads, SlackWebApi api,
                 SlackEventTranslator translator, Duration historyTimeout) {
        this.accounts = accounts;
        this.intake = intake;
        this.threads = threads;
        this.api = api;
        this.translator = translator;
        this.historyTimeout = historyTimeout;
        this.historyExecutor = Executors.newVirtualThreadPerTaskExecutor();
    }

    @Override
    public void close() {
        historyExecutor.close();
    }

    Response onMention(EventsApiPayload<AppMentionEvent> payload, EventContext ctx) {
        AppMentionEvent event = payload.getEvent();
        if (event.getBotId() != null || event.getSubtype() != null || event.getEdited() != null) {
            return ctx.ack();
        }
        Optional<Workspace> workspace = workspace(payload.getTeamId(), "app_mention " + payload.getEventId());
        if (workspace.isEmpty()) {
            return ctx.ack();
        }
        String botUserId = botUserId(payload);
        boolean insideThread = event.getThreadTs() != null && !event.getThreadTs().equals(event.getTs());
        List<ChatTurn> prior = insideThread && !isAnswering(payload.getTeamId(), event.getChannel(), event.getThreadTs())
                ? threadHistory(workspace.get(), event.getChannel(), event.getThreadTs(), event.getTs(), botUserId)
                : List.of();
        InboundMessage message = translator.mention(workspace.get().tenant(), payload.getTeamId(), payload.getEventId(),
                event, botUserId, prior);
        return store(message, payload.getTeamId(), ctx.ack());
    }

    Response onMessage(EventsApiPayload<MessageEvent> payload, EventContext ctx) {
        MessageEvent event = payload.getEvent();
        if (event.getBotId() != null || event.getEdited() != null || event.getUser() == null) {
            return ctx.ack();
        }
        String botUserId = botUserId(payload);
        boolean direct = "im".equals(event.getChannelType());
        boolean followUp = !direct && event.getThreadTs() != null && !event.getThreadTs().equals(event.getTs())
                && isAnswering(payload.getTeamId(), event.getChannel(), event.getThreadTs());
        // A message that mentions the hub also arrives as app_mention; answering it twice would be wrong.
        boolean mentionsHub = botUserId != null && event.getText() != null && event.getText().contains("<@" + botUserId);
        if (!(direct || followUp) || (mentionsHub && !direct)) {
            return ctx.ack();
        }
        Optional<Workspace> workspace = workspace(payload.getTeamId(), "message " + payload.getEventId());
        if (workspace.isEmpty()) {
            return ctx.ack();
        }
        InboundMessage message = translator.message(workspace.get().tenant(), payload.getTeamId(), payload.getEventId(), event, botUserId);
        return store(message, payload.getTeamId(), ctx.ack());
    }

    Response onAsk(SlashCommandRequest request, SlashCommandContext ctx) {
        SlashCommandPayload payload = request.getPayload();
        String question = SlackEventTranslator.plainText(payload.getText(), null);
        if (question.isBlank()) {
            return ctx.ack("Usage: " + payload.getCommand() + " <your question>");
        }
        Optional<Workspace> workspace = workspace(payload.getTeamId(), "command " + payload.getCommand());
        if (workspace.isEmpty()) {
            return ctx.ack("This workspace is not connected to ResolveHub yet.");
        }
        String who = payload.getUserName() != null ? payload.getUserName() : "Someone";
        String text = ":speech_balloon: *" + SlackText.neutralize(who) + "* asked: " + SlackText.neutralize(question);
        String questionTs;
        try {
            questionTs = api.postMessage(workspace.get().botToken(), ChatPostMessageRequest.builder()
                    .channel(payload.getChannelId()).text(text).unfurlLinks(false).build()).getTs();
        } catch (ChannelException e) {
            log.warn("/ask could not post in {}: {}", payload.getChannelId(), e.getMessage());
            return ctx.ack("I can't post in this channel. Invite me first (/invite), or mention me in a message.");
        }
        InboundMessage message = translator.command(workspace.get().tenant(), payload, questionTs);
        try {
            return store(message, payload.getTeamId(), ctx.ack());
        } catch (EventNotStored e) {
            log.error("/ask question could not be stored", e); // Slack does not retry commands: tell the user
            return ctx.ack("Sorry, I couldn't take your question right now. Please try again in a minute.");
        }
    }

    Response onAction(BlockActionRequest request, ActionContext ctx, InboundKind kind) {
        BlockActionPayload payload = request.getPayload();
        String teamId = payload.getTeam() != null ? payload.getTeam().getId() : null;
        Optional<Workspace> workspace = workspace(teamId, "block action " + kind);
        if (workspace.isEmpty()) {
            return ctx.ack();
        }
        return store(translator.action(workspace.get().tenant(), payload, kind), teamId, ctx.ack());
    }

    /** {@code app_uninstalled}, or {@code tokens_revoked} for the bot token: the workspace record goes. */
    Response onUninstalled(EventsApiPayload<AppUninstalledEvent> payload, EventContext ctx) {
        forget(payload.getTeamId(), "app_uninstalled");
        return ctx.ack();
    }

    Response onTokensRevoked(EventsApiPayload<TokensRevokedEvent> payload, EventContext ctx) {
        TokensRevokedEvent.Tokens tokens = payload.getEvent().getTokens();
        if (tokens != null && tokens.getBot() != null && !tokens.getBot().isEmpty()) {
            forget(payload.getTeamId(), "tokens_revoked");
        }
        return ctx.ack();
    }

    private void forget(String teamId, String why) {
        accounts.tenantForAccount(ChannelType.SLACK, teamId).ifPresentOrElse(tenant -> {
            accounts.remove(tenant, ChannelType.SLACK);
            threads.forgetTeam(teamId);
            log.info("Slack workspace {} removed from tenant {} ({})", teamId, tenant, why);
        }, () -> log.info("Slack {} for unknown workspace {}: nothing to remove", why, teamId));
    }

    /**
     * Stores, then acknowledges. A failure throws: the exception reaches Bolt's servlet, which answers 500, so Slack
     * retries the delivery (a listener's own non-200 response would be replaced by Bolt's auto-acknowledgement).
     */
    private Response store(InboundMessage message, String teamId, Response ack) {
        try {
            SlackThreadKey thread = SlackThreadKey.parse(message.threadKey());
            if (message.kind() == InboundKind.MESSAGE) {
                threads.remember(teamId, thread.channel(), thread.threadTs());
            }
            InboundIntake.Outcome outcome = intake.accept(message);
            if (outcome == InboundIntake.Outcome.DUPLICATE) {
                log.debug("Slack event {} seen before: acknowledged, not processed again", message.platformEventId());
            }
            return ack;
        } catch (RuntimeException e) {
            throw new EventNotStored("Slack event " + message.platformEventId() + " could not be stored; not acknowledged", e);
        }
    }

    /** The intake refused an event; it must not be acknowledged. */
    static final class EventNotStored extends RuntimeException {
        EventNotStored(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private boolean isAnswering(String teamId, String channel, String threadTs) {
        return threads.isAnswering(teamId, channel, threadTs);
    }

    private Optional<Workspace> workspace(String teamId, String what) {
        if (teamId == null) {
            log.warn("Slack {} without a team id: acknowledged, ignored", what);
            return Optional.empty();
        }
        Optional<TenantId> tenant = accounts.tenantForAccount(ChannelType.SLACK, teamId);
        Optional<String> token = tenant.flatMap(t -> accounts.find(t, ChannelType.SLACK))
                .flatMap(s -> s.get(SlackConnectorFactory.BOT_TOKEN));
        if (tenant.isEmpty() || token.isEmpty()) {
            log.warn("Slack {} from workspace {} that no tenant has installed: acknowledged, ignored", what, teamId);
            return Optional.empty();
        }
        return Optional.of(new Workspace(tenant.get(), token.get()));
    }

    private static String botUserId(EventsApiPayload<?> payload) {
        if (payload.getAuthorizations() == null) {
            return null;
        }
        return payload.getAuthorizations().stream()
                .filter(a -> Boolean.TRUE.equals(a.getIsBot()))
                .map(Authorization::getUserId).findFirst().orElse(null);
    }

    /**
     * The thread's earlier messages, so the first answer in an existing thread knows what was said. Bounded by
     * {@code hub.slack.history-timeout}: the acknowledgement must stay within Slack's 3 seconds.
     */
    private List<ChatTurn> threadHistory(Workspace workspace, String channel, String threadTs, String currentTs, String botUserId) {
        CompletableFuture<List<Message>> replies = CompletableFuture.supplyAsync(() -> api.call(workspace.botToken(),
                "conversations.replies", methods -> methods.conversationsReplies(r -> r
                        .channel(channel).ts(threadTs).limit(HISTORY_TURNS + 1))).getMessages(), historyExecutor);
        try {
            List<Message> messages = replies.get(historyTimeout.toMillis(), TimeUnit.MILLISECONDS);
            List<ChatTurn> turns = new ArrayList<>();
            for (Message m : messages == null ? List.<Message>of() : messages) {
                if (m.getTs() == null || m.getTs().equals(currentTs) || m.getText() == null || m.getText().isBlank()) {
                    continue;
                }
                boolean fromHub = m.getBotId() != null || (botUserId != null && botUserId.equals(m.getUser()));
                String text = SlackEventTranslator.plainText(m.getText(), botUserId);
                text = text.length() > HISTORY_TURN_CHARS ? text.substring(0, HISTORY_TURN_CHARS) : text;
                turns.add(fromHub ? ChatTurn.assistant(text) : ChatTurn.user(text));
            }
            return turns.size() > HISTORY_TURNS ? turns.subList(turns.size() - HISTORY_TURNS, turns.size()) : turns;
        } catch (TimeoutException e) {
            replies.cancel(true);
            log.warn("Slack thread history for {}:{} took longer than {}; answering without it", channel, threadTs, historyTimeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("Slack thread history for {}:{} unavailable: {}", channel, threadTs, e.getMessage());
        }
        return List.of();
    }

    private record Workspace(TenantId tenant, String botToken) {
    }
}
