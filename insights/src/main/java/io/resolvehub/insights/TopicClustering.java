package io.resolvehub.insights;

import java.util.ArrayList;
import java.util.List;

/**
 * Leader clustering of unit vectors, one at a time: a vector joins the cluster whose centroid is most similar to it
 * (cosine) when that similarity reaches the threshold, and otherwise starts a cluster of its own. The number of
 * clusters follows from the data; nothing is fixed in advance. A centroid follows its members (it is the direction of
 * their sum). Cost per vector: one dot product per cluster. Not thread-safe.
 */
public final class TopicClustering {

    private final double threshold;
    private final List<float[]> sums = new ArrayList<>();
    private final List<Integer> members = new ArrayList<>();
    private final List<Double> norms = new ArrayList<>();

    public TopicClustering(double threshold) {
        this.threshold = threshold;
    }

    /** Continues from existing clusters (their vector sums and sizes); they keep indexes 0, 1, … in this order. */
    public void add(float[] vectorSum, int size) {
        sums.add(vectorSum.clone());
        members.add(size);
        norms.add(Vectors.norm(vectorSum));
    }

    /** The index of the cluster {@code unitVector} joins (a new one is {@link #size()} − 1 afterwards). */
    public int assign(float[] unitVector) {
        int best = -1;
        double bestSimilarity = threshold;
        for (int i = 0; i < sums.size(); i++) {
            double norm = norms.get(i);
            double similarity = norm == 0 ? 0 : Vectors.dot(sums.get(i), unitVector) / norm;
            if (similarity >= bestSimilarity) {
                best = i;
                bestSimilarity = similarity;
            }
        }
        if (best < 0) {
            add(unitVector, 1);
            return sums.size() - 1;
        }
        Vectors.addTo(sums.get(best), unitVector);
        members.set(best, members.get(best) + 1);
        norms.set(best, Vectors.norm(sums.get(best)));
        return best;
    }

    public int size() {
        return sums.size();
    }

    public float[] vectorSum(int cluster) {
        return sums.get(cluster).clone();
    }

    public int members(int cluster) {
        return members.get(cluster);
    }
}
