package io.resolvehub.core.internal.policy;

import io.resolvehub.core.PersonRequestDetector;
import io.resolvehub.core.conversation.HandoffPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a message asks for a person: one of the tenant's phrases, or the agent's meaning-based detector. The
 * detector is asked separately ({@link #byMeaning}) so the pipeline can ask it before opening a transaction; a
 * failing detector leaves the phrases to decide.
 */
public final class PersonRequests {

    private static final Logger log = LoggerFactory.getLogger(PersonRequests.class);

    private final PersonRequestDetector detector;

    public PersonRequests(PersonRequestDetector detector) {
        this.detector = detector;
    }

    public boolean byMeaning(String text) {
        try {
            return detector.asksForPerson(text);
        } catch (RuntimeException e) {
            log.warn("The person-request detector failed; the tenant's phrases alone decide: {}", e.toString());
            return false;
        }
    }

    public boolean asks(String text, HandoffPolicy policy) {
        return Phrases.asksForHuman(text, policy.humanPhrases()) || byMeaning(text);
    }
}
