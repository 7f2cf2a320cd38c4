package io.resolvehub.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The labelled question sets and thresholds a topic-grouping evaluation runs over, read from its arguments:
 * {@code --mtrag DIR} (the mtrag_cloud folder), {@code --paraphrases FILE}
 * ({@code eval-sets/topic-paraphrases/questions.md}), {@code --thresholds 0.4,0.45,…} and
 * {@code --document-margins 0,0.1,…} (how much citing the same document as a topic counts, see
 * {@code TopicClustering}).
 */
record TopicSets(List<LabelledQuestions> sets, List<Double> thresholds, List<Double> documentMargins) {

    static TopicSets fromArgs(String[] args, List<Double> defaultThresholds) throws IOException {
        return fromArgs(args, defaultThresholds, List.of(0.0));
    }

    static TopicSets fromArgs(String[] args, List<Double> defaultThresholds, List<Double> defaultMargins) throws IOException {
        Path mtrag = null;
        Path paraphrases = null;
        List<Double> thresholds = defaultThresholds;
        List<Double> margins = defaultMargins;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--mtrag" -> mtrag = Path.of(args[i + 1]);
                case "--paraphrases" -> paraphrases = Path.of(args[i + 1]);
                case "--thresholds" -> thresholds = numbers(args[i + 1]);
                case "--document-margins" -> margins = numbers(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        List<LabelledQuestions> sets = new ArrayList<>();
        if (paraphrases != null) {
            sets.add(LabelledQuestions.paraphrases(paraphrases));
        }
        if (mtrag != null) {
            sets.add(LabelledQuestions.mtrag(mtrag));
        }
        return new TopicSets(sets, thresholds, margins);
    }

    private static List<Double> numbers(String list) {
        return Arrays.stream(list.split(",")).map(Double::parseDouble).toList();
    }
}
