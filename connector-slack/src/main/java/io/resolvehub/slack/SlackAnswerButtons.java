package io.resolvehub.slack;

import com.slack.api.model.Message;
import com.slack.api.model.block.LayoutBlock;
import io.resolvehub.core.channel.ConversationRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Replaces the buttons of the answer a user clicked with the outcome ("Solved", "Handed to a person"). A click's
 * reply context names the answer (its channel and ts) and nothing more: the answer's blocks are read back from Slack
 * here, in the pipeline's worker, with one {@code conversations.replies} call bounded to that message, instead of being
 * carried through the hub from the click.
 */
final class SlackAnswerButtons {

    private static final Logger log = LoggerFactory.getLogger(SlackAnswerButtons.class);

    private final SlackWebApi api;
    private final SlackMessageRenderer renderer;

    SlackAnswerButtons(SlackWebApi api, SlackMessageRenderer renderer) {
        this.api = api;
        this.renderer = renderer;
    }

    /**
     * @return false when the event was not a click on an answer, or Slack no longer holds that answer
     * @throws io.resolvehub.core.channel.ChannelException when Slack fails
     */
    boolean replace(String botToken, ConversationRef conversation, String outcome) {
        Map<String, String> context = conversation.replyContext();
        String messageTs = context.get(SlackReplyContext.MESSAGE_TS);
        if (messageTs == null) {
            return false;
        }
        SlackThreadKey thread = SlackThreadKey.parse(conversation.threadKey());
        String channel = context.getOrDefault(SlackReplyContext.CHANNEL, thread.channel());
        Optional<List<LayoutBlock>> blocks = blocks(botToken, channel, thread.threadTs(), messageTs);
        if (blocks.isEmpty()) {
            log.info("Slack answer {} in {} is gone or has no blocks; its buttons stay", messageTs, channel);
            return false;
        }
        List<LayoutBlock> updated = renderer.withOutcome(blocks.get(), outcome);
        api.call(botToken, "chat.update", methods -> methods.chatUpdate(r -> r
                .channel(channel).ts(messageTs).blocks(updated).text(outcome)));
        return true;
    }

    /** The message {@code messageTs} of the thread (Slack may add the thread's parent: it is filtered out). */
    private Optional<List<LayoutBlock>> blocks(String botToken, String channel, String threadTs, String messageTs) {
        List<Message> messages = api.call(botToken, "conversations.replies", methods -> methods.conversationsReplies(r -> r
                .channel(channel).ts(threadTs).oldest(messageTs).latest(messageTs).inclusive(true).limit(2))).getMessages();
        return (messages == null ? List.<Message>of() : messages).stream()
                .filter(m -> messageTs.equals(m.getTs()) && m.getBlocks() != null && !m.getBlocks().isEmpty())
                .findFirst().map(Message::getBlocks);
    }
}
