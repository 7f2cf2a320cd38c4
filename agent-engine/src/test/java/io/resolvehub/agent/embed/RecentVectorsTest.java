package io.resolvehub.agent.embed;

import io.resolvehub.agent.TestAgent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class RecentVectorsTest {

    private final AtomicInteger runs = new AtomicInteger();

    private Supplier<float[]> model(float value) {
        return () -> {
            runs.incrementAndGet();
            return new float[] {value, value};
        };
    }

    @Test
    void theSameTokensAreComputedOnceAndHandedOutAsCopies() {
        RecentVectors recent = new RecentVectors(100, Duration.ofMinutes(1));

        float[] first = recent.get(new long[] {101, 7592, 102}, model(1f));
        first[0] = 42f; // a caller changing its copy
        float[] second = recent.get(new long[] {101, 7592, 102}, model(2f));
        float[] other = recent.get(new long[] {101, 2088, 102}, model(3f));

        assertThat(runs).hasValue(2);
        assertThat(second).containsExactly(1f, 1f);
        assertThat(other).containsExactly(3f, 3f);
    }

    @Test
    void longTextsAreNotKept() {
        RecentVectors recent = new RecentVectors(100, Duration.ofMinutes(1));
        long[] longText = LongStream.range(0, RecentVectors.MAX_KEPT_TOKENS + 1).toArray();

        recent.get(longText, model(1f));
        recent.get(longText, model(1f));

        assertThat(runs).hasValue(2);
    }

    @Test
    void aQuestionReadToFewerTokensThanItHasIsTheSameVectorAsReadWhole() {
        String question = "Where can I download last month's invoice? ref 48213";
        float[] whole = TestAgent.EMBEDDER.embed(question);
        float[] capped = TestAgent.EMBEDDER.embedAll(List.of(question), 48).getFirst();
        float[] alone;
        try (MiniLmEmbedder fresh = new MiniLmEmbedder(8)) { // nothing kept in it: the model's own run
            alone = fresh.embed(question);
        }

        assertThat(capped).containsExactly(whole);
        assertThat(whole).containsExactly(alone);
    }
}
