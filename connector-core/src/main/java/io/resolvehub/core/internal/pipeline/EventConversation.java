package io.resolvehub.core.internal.pipeline;

import io.resolvehub.core.InboundKind;
import io.resolvehub.core.InboundMessage;
import io.resolvehub.core.internal.conversation.ConversationRecord;
import io.resolvehub.core.internal.conversation.Conversations;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.Optional;

/**
 * The conversation of the thread an event belongs to, as the worker finds it before the event's first transaction. A
 * message that opens its thread gets an {@link Conversations#unsaved unsaved} conversation, stored by that first
 * transaction ({@link #lock}) rather than by one of its own; every other kind of event finds or creates it first.
 */
final class EventConversation {

    private final Conversations conversations;
    private final boolean opensThread;
    private final ConversationRecord found;
    private volatile ConversationRecord stored;

    private EventConversation(Conversations conversations, boolean opensThread, ConversationRecord found) {
        this.conversations = conversations;
        this.opensThread = opensThread;
        this.found = found;
        this.stored = found;
    }

    /** Empty for a platform's close of a thread the hub never took part in: nothing to settle. */
    static Optional<EventConversation> of(InboundMessage m, Conversations conversations, TransactionTemplate tx,
                                          Instant now) {
        Optional<ConversationRecord> existing = conversations.findByThread(m.tenant(), m.channel(), m.threadKey());
        if (existing.isPresent()) {
            return Optional.of(new EventConversation(conversations, false, existing.get()));
        }
        if (m.kind() == InboundKind.CLOSED_BY_PLATFORM) {
            return Optional.empty();
        }
        if (m.kind() == InboundKind.MESSAGE || m.kind() == InboundKind.TOO_LONG) {
            return Optional.of(new EventConversation(conversations, true, conversations.unsaved(m.tenant(), m.channel(),
                    m.threadKey(), m.user(), m.replyContext(), now)));
        }
        return Optional.of(new EventConversation(conversations, false, tx.execute(s -> conversations.findOrCreate(
                m.tenant(), m.channel(), m.threadKey(), m.user(), m.replyContext(), null, now))));
    }

    /** As found before the first transaction (unsaved for a message that opens its thread). */
    ConversationRecord found() {
        return found;
    }

    /** Inside the first transaction: the row, stored first when the message opens its thread, and locked. */
    ConversationRecord lock() {
        stored = opensThread ? conversations.createOrLock(found) : conversations.lock(found.id());
        return stored;
    }

    /** The row as the first transaction read it: a concurrent creator of the thread's conversation may have won. */
    ConversationRecord stored() {
        return stored;
    }
}
