package io.resolvehub.eval;

import java.util.HashMap;
import java.util.Map;

/**
 * How well a clustering agrees with gold labels: the adjusted Rand index (Hubert and Arabie, 1985: 1 for the same
 * partition, about 0 for a random one) and purity (the share of items whose cluster's most common label is theirs).
 * Computed from the contingency table of labels × clusters.
 */
final class ClusterAgreement {

    private final Map<Long, Integer> cells = new HashMap<>();
    private final Map<Integer, Integer> labelSizes = new HashMap<>();
    private final Map<Integer, Integer> clusterSizes = new HashMap<>();
    private final int n;

    ClusterAgreement(int[] labels, int[] clusters) {
        if (labels.length != clusters.length) {
            throw new IllegalArgumentException("one cluster per label");
        }
        n = labels.length;
        for (int i = 0; i < n; i++) {
            cells.merge(((long) labels[i] << 32) | (clusters[i] & 0xffffffffL), 1, Integer::sum);
            labelSizes.merge(labels[i], 1, Integer::sum);
            clusterSizes.merge(clusters[i], 1, Integer::sum);
        }
    }

    double adjustedRandIndex() {
        double index = cells.values().stream().mapToDouble(ClusterAgreement::pairs).sum();
        double labelPairs = labelSizes.values().stream().mapToDouble(ClusterAgreement::pairs).sum();
        double clusterPairs = clusterSizes.values().stream().mapToDouble(ClusterAgreement::pairs).sum();
        double expected = labelPairs * clusterPairs / pairs(n);
        double max = (labelPairs + clusterPairs) / 2;
        return max == expected ? 1.0 : (index - expected) / (max - expected);
    }

    double purity() {
        Map<Integer, Integer> best = new HashMap<>();
        cells.forEach((cell, count) -> best.merge((int) (cell & 0xffffffffL), count, Math::max));
        return best.values().stream().mapToInt(Integer::intValue).sum() / (double) n;
    }

    private static double pairs(int count) {
        return count * (count - 1) / 2.0;
    }
}
