package io.resolvehub.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The labelled question sets and thresholds a topic-grouping evaluation runs over, read from its arguments:
 * {@code --mtrag DIR} (the mtrag_cloud folder), {@code --paraphrases FILE}
 * ({@code eval-sets/topic-paraphrases/questions.md}), {@code --thresholds 0.4,0.45,…}.
 */
record TopicSets(List<LabelledQuestions> sets, List<Double> thresholds) {

    static TopicSets fromArgs(String[] args, List<Double> defaultThresholds) throws IOException {
        Path mtrag = null;
        Path paraphrases = null;
        List<Double> thresholds = defaultThresholds;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--mtrag" -> mtrag = Path.of(args[i + 1]);
                case "--paraphrases" -> paraphrases = Path.of(args[i + 1]);
                case "--thresholds" -> thresholds = Arrays.stream(args[i + 1].split(",")).map(Double::parseDouble).toList();
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
        return new TopicSets(sets, thresholds);
    }
}
