package io.resolvehub.insights;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Leader clustering of unit vectors, one at a time: a vector joins the cluster whose centroid is most similar to it
 * (cosine) when that similarity reaches the threshold, and otherwise starts a cluster of its own. The number of
 * clusters follows from the data; nothing is fixed in advance. A centroid follows its members (it is the direction of
 * their sum). Cost per vector: one dot product per cluster. Not thread-safe.
 *
 * <p>A question may also come with the document its answer cited. Questions the docs answer from one document are
 * about one need however differently they are phrased, and a document the docs keep apart is a different need however
 * close the phrasing: so against a cluster whose members mostly cited a document, the similarity counts
 * {@code documentMargin} more when the question cited the same one and that much less when it cited another. Questions
 * without a document (handed off, or asked before replies were kept) and clusters without one compare by cosine alone.
 */
public final class TopicClustering {

    private final double threshold;
    private final double documentMargin;
    private final List<float[]> sums = new ArrayList<>();
    private final List<Integer> members = new ArrayList<>();
    private final List<Double> norms = new ArrayList<>();
    private final List<Map<String, Integer>> documents = new ArrayList<>();
    private final List<String> leading = new ArrayList<>();

    /** Cosine alone. */
    public TopicClustering(double threshold) {
        this(threshold, 0);
    }

    public TopicClustering(double threshold, double documentMargin) {
        this.threshold = threshold;
        this.documentMargin = documentMargin;
    }

    /** Continues from an existing cluster (its vector sum and size); clusters keep indexes 0, 1, … in this order. */
    public void add(float[] vectorSum, int size) {
        add(vectorSum, size, Map.of());
    }

    /** As {@link #add(float[], int)}, with how many of its members' answers cited each document. */
    public void add(float[] vectorSum, int size, Map<String, Integer> citedDocuments) {
        sums.add(vectorSum.clone());
        members.add(size);
        norms.add(Vectors.norm(vectorSum));
        documents.add(new HashMap<>());
        leading.add(null);
        int cluster = sums.size() - 1;
        citedDocuments.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> count(cluster, e.getKey(), e.getValue()));
    }

    /** The index of the cluster {@code unitVector} joins (a new one is {@link #size()} − 1 afterwards). */
    public int assign(float[] unitVector) {
        return assign(unitVector, null);
    }

    /**
     * The index of the cluster a question joins, given its vector and the document its answer cited (null when none);
     * a new one is {@link #size()} − 1 afterwards.
     */
    public int assign(float[] unitVector, String citedDocument) {
        int best = -1;
        double bestSimilarity = threshold;
        for (int i = 0; i < sums.size(); i++) {
            double norm = norms.get(i);
            double similarity = norm == 0 ? 0 : Vectors.dot(sums.get(i), unitVector) / norm;
            similarity += documentAgreement(i, citedDocument);
            if (similarity >= bestSimilarity) {
                best = i;
                bestSimilarity = similarity;
            }
        }
        if (best < 0) {
            add(unitVector, 1);
            count(sums.size() - 1, citedDocument, 1);
            return sums.size() - 1;
        }
        Vectors.addTo(sums.get(best), unitVector);
        members.set(best, members.get(best) + 1);
        norms.set(best, Vectors.norm(sums.get(best)));
        count(best, citedDocument, 1);
        return best;
    }

    /** +margin when the question cited the cluster's leading document, −margin when it cited another, else 0. */
    private double documentAgreement(int cluster, String citedDocument) {
        String lead = leading.get(cluster);
        if (citedDocument == null || lead == null || documentMargin == 0) {
            return 0;
        }
        return lead.equals(citedDocument) ? documentMargin : -documentMargin;
    }

    /** Counts {@code n} citations of {@code document}; the leading document changes only when another overtakes it. */
    private void count(int cluster, String document, int n) {
        if (document == null) {
            return;
        }
        Map<String, Integer> counts = documents.get(cluster);
        int count = counts.merge(document, n, Integer::sum);
        String lead = leading.get(cluster);
        if (lead == null || count > counts.get(lead)) {
            leading.set(cluster, document);
        }
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
