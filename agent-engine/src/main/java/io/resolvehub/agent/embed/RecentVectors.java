package io.resolvehub.agent.embed;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The vectors of short single texts embedded in the last few seconds, by their token ids after truncation. One
 * question is embedded three times while it is answered (the person-request check, retrieval, and insights after the
 * answer is stored), each time alone and some read to fewer tokens than others: the second and third are read from
 * here instead of running the model again. Only single texts are kept, so a vector served from here is exactly the one
 * the model would compute (a text in a padded batch can differ in the last bits).
 *
 * <p>The size bound is far above what one expiry window holds under load (a few seconds of questions), so Caffeine's
 * admission policy never has to turn a new question away while its event is being answered.
 */
final class RecentVectors {

    /** Texts longer than this are not kept: questions are short, and long texts are chunks read once. */
    static final int MAX_KEPT_TOKENS = 64;

    private record Key(long[] ids) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(ids, k.ids);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(ids);
        }

        @Override
        public String toString() {
            return Arrays.toString(ids);
        }
    }

    private final Cache<Key, float[]> vectors;

    RecentVectors(long maximumSize, Duration keptFor) {
        this.vectors = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterWrite(keptFor).build();
    }

    /**
     * The vector of {@code tokenIds}, computed by {@code model} when it is not among the recent ones. The model runs
     * outside the cache's locks (a plain look-up, then a put), so a long run never holds up other texts' look-ups.
     */
    float[] get(long[] tokenIds, Supplier<float[]> model) {
        if (tokenIds.length > MAX_KEPT_TOKENS) {
            return model.get();
        }
        Key key = new Key(tokenIds);
        float[] known = vectors.getIfPresent(key);
        if (known == null) {
            known = model.get();
            vectors.put(key, known);
        }
        return known.clone(); // callers own what they get; the kept vector must not change under the next caller
    }

    /** The vector of {@code tokenIds} when it is among the recent ones; never runs the model. */
    Optional<float[]> peek(long[] tokenIds) {
        if (tokenIds.length > MAX_KEPT_TOKENS) {
            return Optional.empty();
        }
        return Optional.ofNullable(vectors.getIfPresent(new Key(tokenIds))).map(float[]::clone);
    }
}
