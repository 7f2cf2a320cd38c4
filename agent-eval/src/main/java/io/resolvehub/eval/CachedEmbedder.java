package io.resolvehub.eval;

import io.resolvehub.agent.Embedder;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The passages' vectors, kept in a file between evaluation runs so a second run of a set skips the embedding (9,075
 * mtrag passages take minutes on two cores). Only whole-text {@link #embedAll(List)} calls are cached: the questions
 * and the engine's own calls go to the model every time, as in the hub.
 */
final class CachedEmbedder implements Embedder {

    private final Embedder model;
    private final Path file;
    private final Map<String, float[]> vectors = new HashMap<>();
    private boolean changed;

    CachedEmbedder(Embedder model, Path file) {
        this.model = model;
        this.file = file;
        if (Files.exists(file)) {
            load();
        }
    }

    @Override
    public int dimension() {
        return model.dimension();
    }

    @Override
    public float[] embed(String text) {
        return model.embed(text);
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        List<String> missing = texts.stream().filter(t -> !vectors.containsKey(t)).distinct().toList();
        if (!missing.isEmpty()) {
            List<float[]> computed = model.embedAll(missing);
            for (int i = 0; i < missing.size(); i++) {
                vectors.put(missing.get(i), computed.get(i));
            }
            changed = true;
        }
        List<float[]> result = new ArrayList<>(texts.size());
        texts.forEach(t -> result.add(vectors.get(t)));
        return result;
    }

    @Override
    public List<float[]> embedAll(List<String> texts, int maxTokens) {
        return model.embedAll(texts, maxTokens);
    }

    void save() {
        if (!changed) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
                for (Map.Entry<String, float[]> e : vectors.entrySet()) {
                    out.writeInt(e.getKey().length());
                    out.writeChars(e.getKey());
                    for (float f : e.getValue()) {
                        out.writeFloat(f);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void load() {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            while (true) {
                int length;
                try {
                    length = in.readInt();
                } catch (EOFException end) {
                    return;
                }
                char[] chars = new char[length];
                for (int i = 0; i < length; i++) {
                    chars[i] = in.readChar();
                }
                float[] v = new float[model.dimension()];
                for (int d = 0; d < v.length; d++) {
                    v[d] = in.readFloat();
                }
                vectors.put(new String(chars), v);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
