package io.resolvehub.eval;

import io.resolvehub.agent.embed.MiniLmEmbedder;
import tools.jackson.databind.JsonNode;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The benchmark corpus's passage vectors, embedded once into a file that later runs read back. */
final class PassageVectors {

    private PassageVectors() {
    }

    /** Embeds every passage (title and text, as the benchmark indexes it) once; later runs read the file. */
    static void write(Path cache, List<JsonNode> passages, MiniLmEmbedder embedder) throws IOException {
        Files.createDirectories(cache.getParent());
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(cache)))) {
            for (int i = 0; i < passages.size(); i += 256) {
                List<String> texts = passages.subList(i, Math.min(passages.size(), i + 256)).stream()
                        .map(p -> p.path("title").asString("").isBlank() ? p.get("text").asString()
                                : p.get("title").asString() + "\n" + p.get("text").asString()).toList();
                for (float[] v : embedder.embedAll(texts)) {
                    for (float f : v) {
                        out.writeFloat(f);
                    }
                }
            }
        }
    }

    static List<float[]> read(Path cache, int count) throws IOException {
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(cache)))) {
            List<float[]> vectors = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                float[] v = new float[384];
                for (int d = 0; d < v.length; d++) {
                    v[d] = in.readFloat();
                }
                vectors.add(v);
            }
            return vectors;
        }
    }
}
