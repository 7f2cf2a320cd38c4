package io.resolvehub.agent.ingest;

import io.resolvehub.agent.Embedder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sources being indexed at once share model calls, each gets back exactly its own vectors, and a bad text fails only its sender. */
class SharedModelBatchesTest {

    /** A model whose vector names the text it came from, which can be held on its first call, and which refuses "poison". */
    static final class RecordingModel implements Embedder {
        final List<List<String>> calls = new CopyOnWriteArrayList<>();
        final CountDownLatch firstCallStarted = new CountDownLatch(1);
        final CountDownLatch release;

        RecordingModel(boolean holdFirstCall) {
            this.release = new CountDownLatch(holdFirstCall ? 1 : 0);
        }

        public int dimension() {
            return 1;
        }

        public float[] embed(String text) {
            return embedAll(List.of(text)).getFirst();
        }

        public List<float[]> embedAll(List<String> texts) {
            calls.add(List.copyOf(texts));
            firstCallStarted.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (texts.stream().anyMatch(t -> t.contains("poison"))) {
                throw new IllegalStateException("the model cannot read this text");
            }
            return texts.stream().map(t -> new float[]{Integer.parseInt(t.replaceAll("\\D", ""))}).toList();
        }
    }

    @Test
    void requestsQueuedWhileTheModelIsBusyGoToItTogetherAndEachGetsItsOwnVectors() throws Exception {
        RecordingModel model = new RecordingModel(true);
        ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
        try (SharedModelBatches batches = new SharedModelBatches(model, 64, Duration.ofMillis(10))) {
            CompletableFuture<List<float[]>> first = CompletableFuture.supplyAsync(() -> batches.embedAll(List.of("text 1000")), senders);
            assertThat(model.firstCallStarted.await(10, TimeUnit.SECONDS)).isTrue();
            // twenty sources of two passages each ask while the model is busy with the first
            List<CompletableFuture<List<float[]>>> sources = new ArrayList<>();
            for (int s = 0; s < 20; s++) {
                List<String> texts = List.of("text " + (2 * s), "text " + (2 * s + 1));
                sources.add(CompletableFuture.supplyAsync(() -> batches.embedAll(texts), senders));
            }
            Thread.sleep(200);
            model.release.countDown();

            assertThat(first.get(10, TimeUnit.SECONDS).getFirst()[0]).isEqualTo(1000f);
            for (int s = 0; s < 20; s++) {
                List<float[]> vectors = sources.get(s).get(10, TimeUnit.SECONDS);
                assertThat(vectors).extracting(v -> v[0]).containsExactly((float) (2 * s), (float) (2 * s + 1));
            }
            assertThat(model.calls).as("the first call, then the twenty sources' forty texts in one").hasSize(2);
            assertThat(model.calls.get(1)).hasSize(40);
        } finally {
            senders.shutdownNow();
        }
    }

    @Test
    void aGroupNeverHoldsMoreThanTheGroupSizeAndNoRequestIsSplit() throws Exception {
        RecordingModel model = new RecordingModel(true);
        ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
        try (SharedModelBatches batches = new SharedModelBatches(model, 8, Duration.ofMillis(10))) {
            CompletableFuture<List<float[]>> first = CompletableFuture.supplyAsync(() -> batches.embedAll(List.of("text 99")), senders);
            assertThat(model.firstCallStarted.await(10, TimeUnit.SECONDS)).isTrue();
            List<CompletableFuture<List<float[]>>> requests = IntStream.range(0, 6)
                    .mapToObj(r -> CompletableFuture.supplyAsync(() -> batches.embedAll(
                            IntStream.range(0, 5).mapToObj(i -> "text " + (10 * r + i)).toList()), senders))
                    .toList();
            Thread.sleep(200);
            model.release.countDown();

            first.get(10, TimeUnit.SECONDS);
            for (int r = 0; r < 6; r++) {
                assertThat(requests.get(r).get(10, TimeUnit.SECONDS)).extracting(v -> v[0]).hasSize(5)
                        .startsWith((float) (10 * r));
            }
            assertThat(model.calls.subList(1, model.calls.size())).as("five and five do not fit in eight")
                    .hasSize(6).allSatisfy(call -> assertThat(call).hasSize(5));
        } finally {
            senders.shutdownNow();
        }
    }

    @Test
    void aTextTheModelRefusesFailsOnlyTheSourceThatSentIt() throws Exception {
        RecordingModel model = new RecordingModel(true);
        ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
        try (SharedModelBatches batches = new SharedModelBatches(model, 64, Duration.ofMillis(10))) {
            CompletableFuture<List<float[]>> first = CompletableFuture.supplyAsync(() -> batches.embedAll(List.of("text 7")), senders);
            assertThat(model.firstCallStarted.await(10, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<List<float[]>> before = CompletableFuture.supplyAsync(() -> batches.embedAll(List.of("text 1", "text 2")), senders);
            Thread.sleep(50);
            CompletableFuture<List<float[]>> poisoned = CompletableFuture.supplyAsync(() -> batches.embedAll(List.of("text 3", "poison 4")), senders);
            Thread.sleep(50);
            CompletableFuture<List<float[]>> after = CompletableFuture.supplyAsync(() -> batches.embedAll(List.of("text 5")), senders);
            Thread.sleep(200);
            model.release.countDown();

            first.get(10, TimeUnit.SECONDS);
            assertThat(before.get(10, TimeUnit.SECONDS)).extracting(v -> v[0]).containsExactly(1f, 2f);
            assertThat(after.get(10, TimeUnit.SECONDS)).extracting(v -> v[0]).containsExactly(5f);
            assertThatThrownBy(() -> poisoned.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("the model cannot read this text");
            assertThat(model.calls.get(1)).as("tried together first").containsExactly("text 1", "text 2", "text 3", "poison 4", "text 5");
        } finally {
            senders.shutdownNow();
        }
    }
}
