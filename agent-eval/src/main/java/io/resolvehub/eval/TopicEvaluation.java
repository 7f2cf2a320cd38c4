package io.resolvehub.eval;

import io.resolvehub.agent.embed.MiniLmEmbedder;
import io.resolvehub.insights.TopicClustering;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * How well insights groups questions into topics: the hub's own {@link TopicClustering} over all-MiniLM-L6-v2 vectors,
 * questions taken in the order they were asked, against labelled sets, for a range of similarity thresholds. Reports
 * the adjusted Rand index and purity, and for the paraphrase set whether each need stays in one topic and unrelated
 * questions stay apart (docs/evaluation.md, "Topics").
 *
 * <p>Arguments: {@link TopicSets}.
 */
public final class TopicEvaluation {

    private TopicEvaluation() {
    }

    public static void main(String[] args) throws IOException {
        TopicSets input = TopicSets.fromArgs(args, List.of(0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7));
        try (MiniLmEmbedder embedder = new MiniLmEmbedder(8)) {
            System.out.println("| set | questions | labels | threshold | topics | adjusted Rand index | purity | needs kept whole | unrelated kept apart |");
            System.out.println("|---|---|---|---|---|---|---|---|---|");
            for (LabelledQuestions set : input.sets()) {
                List<float[]> vectors = embedder.embedAll(set.texts());
                for (double threshold : input.thresholds()) {
                    TopicClustering clustering = new TopicClustering(threshold);
                    int[] topics = vectors.stream().mapToInt(clustering::assign).toArray();
                    ClusterAgreement agreement = new ClusterAgreement(set.labels(), topics);
                    System.out.printf(Locale.ROOT, "| %s | %d | %d | %.2f | %d | %.3f | %.3f | %s | %s |%n", set.name(),
                            set.texts().size(), set.labelCount(), threshold, clustering.size(),
                            agreement.adjustedRandIndex(), agreement.purity(),
                            set.groupsKeptWhole(topics), set.singlesKeptApart(topics));
                }
            }
        }
    }
}
