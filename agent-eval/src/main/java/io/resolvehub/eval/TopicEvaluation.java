package io.resolvehub.eval;

import io.resolvehub.agent.embed.MiniLmEmbedder;
import io.resolvehub.insights.TopicClustering;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * How well insights groups questions into topics: the hub's own {@link TopicClustering} over all-MiniLM-L6-v2 vectors
 * and the documents the questions' answers cite ({@link CitedDocuments}), questions taken in the order they were asked,
 * against labelled sets, for a range of similarity thresholds and document margins. Reports the adjusted Rand index and
 * purity, and for the paraphrase set whether each need stays in one topic and unrelated questions stay apart
 * (docs/evaluation.md, "Topics").
 *
 * <p>Arguments: {@link TopicSets}.
 */
public final class TopicEvaluation {

    private TopicEvaluation() {
    }

    public static void main(String[] args) throws IOException {
        TopicSets input = TopicSets.fromArgs(args, List.of(0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7), List.of(0.0, 0.1, 0.15, 0.2));
        try (MiniLmEmbedder embedder = new MiniLmEmbedder(8)) {
            List<String> rows = new ArrayList<>();
            for (LabelledQuestions set : input.sets()) {
                List<float[]> vectors = embedder.embedAll(set.texts());
                List<String> documents = set.corpus() == null ? Collections.nCopies(set.texts().size(), null)
                        : CitedDocuments.of(set.corpus(), set.pageOf(), set.texts(), embedder,
                        Path.of("agent-eval/target/eval"));
                System.err.printf(Locale.ROOT, "%s: %d of %d answers cite a document%n", set.name(),
                        documents.stream().filter(Objects::nonNull).count(), documents.size());
                if (set.texts().size() <= 100) { // a set small enough to read which document answered each question
                    IntStream.range(0, documents.size()).forEach(i -> System.err.printf(Locale.ROOT, "  %-60s -> %s%n",
                            set.texts().get(i), documents.get(i) == null ? "(handed off)" : documents.get(i).replace('\n', ' ')));
                }
                for (double margin : input.documentMargins()) {
                    for (double threshold : input.thresholds()) {
                        TopicClustering clustering = new TopicClustering(threshold, margin);
                        int[] topics = IntStream.range(0, vectors.size())
                                .map(i -> clustering.assign(vectors.get(i), documents.get(i))).toArray();
                        ClusterAgreement agreement = new ClusterAgreement(set.labels(), topics);
                        rows.add(String.format(Locale.ROOT, "| %s | %d | %d | %.2f | %.2f | %d | %.3f | %.3f | %s | %s |",
                                set.name(), set.texts().size(), set.labelCount(), threshold, margin, clustering.size(),
                                agreement.adjustedRandIndex(), agreement.purity(),
                                set.groupsKeptWhole(topics), set.singlesKeptApart(topics)));
                    }
                }
            }
            System.out.println("| set | questions | labels | threshold | document margin | topics | adjusted Rand index | purity | needs kept whole | unrelated kept apart |");
            System.out.println("|---|---|---|---|---|---|---|---|---|---|");
            rows.forEach(System.out::println);
        }
    }
}
