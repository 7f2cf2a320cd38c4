package io.resolvehub.insights;

import java.util.List;
import java.util.Optional;

/**
 * A short readable name for a topic from its questions ("Rotating an API key"), from a language model. Supplied by the
 * application only when a model is configured. A model is slow and can fail, so only the background job
 * ({@link TopicNaming}) calls it, never a report. Thread-safe.
 */
@FunctionalInterface
public interface TopicLabeller {

    /**
     * @param questions some of the topic's questions, newest first
     * @return the name, or empty when the model gave none that can be used
     * @throws RuntimeException when the model failed or did not answer in time
     */
    Optional<String> label(List<String> questions);
}
