package io.resolvehub.slack;

import com.slack.api.model.Message;
import io.resolvehub.core.ChatTurn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A thread's earlier messages, so the first answer in an existing thread knows what was said: the last
 * {@value #HISTORY_TURNS} messages, oldest first, each cut at {@value #HISTORY_TURN_CHARS} characters. Read by the
 * pipeline's worker before the first answer, bounded by {@code hub.slack.history-timeout}; when Slack is slow or
 * refuses, the hub answers without them.
 */
final class SlackThreadHistory {

    private static final Logger log = LoggerFactory.getLogger(SlackThreadHistory.class);
    private static final int HISTORY_TURNS = 20;
    private static final int HISTORY_TURN_CHARS = 2000;

    private final SlackWebApi api;
    private final Duration timeout;
    private static final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    SlackThreadHistory(SlackWebApi api, Duration timeout) {
        this.api = api;
        this.timeout = timeout;
    }

    /** The thread's messages before {@code currentTs}; the hub's own (by {@code botUserId} or any bot) as its turns. */
    List<ChatTurn> before(String botToken, String channel, String threadTs, String currentTs, String botUserId) {
        CompletableFuture<List<Message>> replies = CompletableFuture.supplyAsync(() -> api.call(botToken,
                "conversations.replies", methods -> methods.conversationsReplies(r -> r
                        .channel(channel).ts(threadTs).limit(HISTORY_TURNS + 1))).getMessages(), executor);
        try {
            return turns(replies.get(timeout.toMillis(), TimeUnit.MILLISECONDS), currentTs, botUserId);
        } catch (TimeoutException e) {
            replies.cancel(true);
            log.warn("Slack thread history for {}:{} took longer than {}; answering without it", channel, threadTs, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("Slack thread history for {}:{} unavailable: {}", channel, threadTs, e.getMessage());
        }
        return List.of();
    }

    private static List<ChatTurn> turns(List<Message> messages, String currentTs, String botUserId) {
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
    }
}
