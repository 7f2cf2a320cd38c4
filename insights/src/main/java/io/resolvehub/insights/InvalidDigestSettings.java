package io.resolvehub.insights;

/** Digest settings that cannot be used; the message says what to send instead. */
public class InvalidDigestSettings extends RuntimeException {

    public InvalidDigestSettings(String message) {
        super(message);
    }
}
