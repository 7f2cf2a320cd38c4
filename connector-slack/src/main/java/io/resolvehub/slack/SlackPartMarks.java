package io.resolvehub.slack;

import com.slack.api.model.Message;

import java.util.List;
import java.util.Map;

/**
 * Names each reply part the hub posts with Slack message metadata, so a delivery resumed after a crash can find a
 * part that went out without being recorded instead of posting it twice. Slack keeps the metadata on the message
 * and returns it from {@code conversations.replies} with {@code include_all_metadata}.
 *
 * @see <a href="https://api.slack.com/metadata/using">Using message metadata</a>
 */
final class SlackPartMarks {

    static final String EVENT_TYPE = "resolvehub_reply_part";
    private static final String KEY = "part";
    /** conversations.replies' largest page: a thread the hub answers in is far shorter. */
    private static final int THREAD_PAGE = 1000;

    private final SlackWebApi api;

    SlackPartMarks(SlackWebApi api) {
        this.api = api;
    }

    /** The metadata naming a part; null for a part without a key (nothing to find it by later). */
    static Message.Metadata of(String partKey) {
        return partKey == null ? null
                : Message.Metadata.builder().eventType(EVENT_TYPE).eventPayload(Map.of(KEY, partKey)).build();
    }

    /** The ts of the message in the thread that carries {@code partKey}, or null when the part never went out. */
    String find(String botToken, SlackThreadKey thread, String partKey) {
        List<Message> messages = api.call(botToken, "conversations.replies", methods -> methods.conversationsReplies(r -> r
                .channel(thread.channel()).ts(thread.threadTs()).oldest(thread.threadTs()).inclusive(true)
                .includeAllMetadata(true).limit(THREAD_PAGE))).getMessages();
        for (Message m : messages == null ? List.<Message>of() : messages) {
            Message.Metadata metadata = m.getMetadata();
            if (metadata != null && EVENT_TYPE.equals(metadata.getEventType()) && metadata.getEventPayload() != null
                    && partKey.equals(metadata.getEventPayload().get(KEY))) {
                return m.getTs();
            }
        }
        return null;
    }
}
