package io.resolvehub.agent.embed;

/** Arithmetic on the embedder's unit-length vectors. */
public final class Vectors {

    private Vectors() {
    }

    /** The dot product; for two unit-length vectors, their cosine. */
    public static double dot(float[] a, float[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d += a[i] * b[i];
        }
        return d;
    }
}
