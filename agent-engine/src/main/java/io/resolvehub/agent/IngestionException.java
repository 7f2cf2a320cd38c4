package io.resolvehub.agent;

/**
 * A document that cannot be ingested, with a message a person can act on ("the PDF is encrypted…"). It becomes the
 * source's {@code error} as is, so it never carries a stack trace or internal detail.
 */
public class IngestionException extends RuntimeException {

    public IngestionException(String message) {
        super(message);
    }

    public IngestionException(String message, Throwable cause) {
        super(message, cause);
    }
}
