package io.resolvehub.core.conversation;

/** The conversation is not in a state that allows the action (e.g. a reply to one the AI still owns). */
public class ConversationStateConflict extends RuntimeException {

    public ConversationStateConflict(String message) {
        super(message);
    }
}
