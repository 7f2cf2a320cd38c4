package io.resolvehub.core;

/**
 * Recognises a message that asks for a person however it is phrased ("put me through to someone on your team"),
 * beyond the tenant's own {@code humanPhrases}, which core matches itself. Implemented by {@code agent-engine} (by
 * meaning); without it only the phrases count.
 *
 * <p>Thread-safe. May throw a runtime exception when its model fails: callers then rely on the phrases alone.
 */
public interface PersonRequestDetector {

    /** True when {@code text} asks to be put in touch with a person rather than asking a question about the product. */
    boolean asksForPerson(String text);

    /** A detector that recognises nothing: the tenant's phrases alone decide. */
    static PersonRequestDetector none() {
        return text -> false;
    }
}
