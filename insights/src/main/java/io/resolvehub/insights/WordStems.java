package io.resolvehub.insights;

import java.util.Optional;

/**
 * The agent's reading of one word: its stem when it is a content word ("rotating" → "rotat"), empty for filler and
 * question words ("how", "the", "please"). Topic labels count stems and show the word customers used. Supplied by the
 * application; thread-safe.
 */
@FunctionalInterface
public interface WordStems {

    Optional<String> stem(String word);
}
