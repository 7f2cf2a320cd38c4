package io.resolvehub.core.conversation;

/** No conversation with that id belongs to the tenant. */
public class ConversationNotFoundException extends RuntimeException {

    public ConversationNotFoundException(String message) {
        super(message);
    }
}
