package io.resolvehub.eval;

import io.resolvehub.agent.TextTerms;
import io.resolvehub.agent.embed.MiniLmEmbedder;
import io.resolvehub.insights.TopicClustering;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Ways of grouping questions that insights does not ship, measured on the same labelled sets as
 * {@link TopicEvaluation} so the shipped one can be judged against them (docs/evaluation.md, "Alternatives tried").
 *
 * <p>What is embedded: the whole question; its content words only (the agent's {@link TextTerms} drops "how", "do",
 * "I", "my"…: "reset password"); or the whole question with the direction of its phrasing (the words TextTerms drops,
 * embedded on their own) projected out. How a question joins a topic: the hub's centroid rule ({@link TopicClustering});
 * average linkage (mean similarity to the topic's members); complete linkage (least similarity to any member). Each
 * question still joins the best topic reaching the threshold, in the order asked, or starts one.
 *
 * <p>Arguments: {@link TopicSets}.
 */
public final class TopicGroupingAlternatives {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’][\\p{L}]+)?");

    private TopicGroupingAlternatives() {
    }

    public static void main(String[] args) throws IOException {
        TopicSets input = TopicSets.fromArgs(args, List.of(0.3, 0.35, 0.4, 0.45, 0.5));
        try (MiniLmEmbedder embedder = new MiniLmEmbedder(8)) {
            System.out.println("| set | embedded | joins by | threshold | topics | adjusted Rand index | purity | needs kept whole | unrelated kept apart |");
            System.out.println("|---|---|---|---|---|---|---|---|---|");
            for (LabelledQuestions set : input.sets()) {
                List<float[]> whole = embedder.embedAll(set.texts());
                List<float[]> content = embedder.embedAll(words(set.texts(), true));
                List<float[]> phrasing = embedder.embedAll(words(set.texts(), false));
                List<float[]> deprojected = IntStream.range(0, whole.size())
                        .mapToObj(i -> withoutDirection(whole.get(i), phrasing.get(i))).toList();
                for (var embedded : List.of(new Embedded("question", whole), new Embedded("content words", content),
                        new Embedded("question − phrasing", deprojected))) {
                    for (String linkage : List.of("centroid", "average", "complete", "centroid and nearest ≥ 0.5", "centroid and nearest ≥ 0.55")) {
                        for (double threshold : input.thresholds()) {
                            int[] topics = group(embedded.vectors(), threshold, linkage);
                            ClusterAgreement agreement = new ClusterAgreement(set.labels(), topics);
                            System.out.printf(Locale.ROOT, "| %s | %s | %s | %.2f | %d | %.3f | %.3f | %s | %s |%n",
                                    set.name(), embedded.name(), linkage, threshold, IntStream.of(topics).max().orElse(-1) + 1,
                                    agreement.adjustedRandIndex(), agreement.purity(),
                                    set.groupsKeptWhole(topics), set.singlesKeptApart(topics));
                        }
                    }
                }
            }
        }
    }

    private record Embedded(String name, List<float[]> vectors) {
    }

    /** Each text's content words (or, with {@code content} false, the rest), in order; a text with none stays whole. */
    private static List<String> words(List<String> texts, boolean content) {
        Predicate<String> isContent = word -> !TextTerms.of(word).isEmpty();
        return texts.stream().map(text -> {
            List<String> kept = new ArrayList<>();
            Matcher word = WORD.matcher(text);
            while (word.find()) {
                if (isContent.test(word.group()) == content) {
                    kept.add(word.group());
                }
            }
            return kept.isEmpty() ? text : String.join(" ", kept);
        }).toList();
    }

    private static int[] group(List<float[]> vectors, double threshold, String linkage) {
        if (linkage.equals("centroid")) {
            TopicClustering clustering = new TopicClustering(threshold);
            return vectors.stream().mapToInt(clustering::assign).toArray();
        }
        int[] topics = new int[vectors.size()];
        List<List<float[]>> members = new ArrayList<>();
        for (int q = 0; q < vectors.size(); q++) {
            int best = -1;
            double bestSimilarity = threshold;
            for (int t = 0; t < members.size(); t++) {
                float[] question = vectors.get(q);
                double similarity = similarity(question, members.get(t), linkage);
                if (similarity >= bestSimilarity) {
                    best = t;
                    bestSimilarity = similarity;
                }
            }
            if (best < 0) {
                members.add(new ArrayList<>());
                best = members.size() - 1;
            }
            members.get(best).add(vectors.get(q));
            topics[q] = best;
        }
        return topics;
    }

    private static double similarity(float[] question, List<float[]> members, String linkage) {
        var similarities = members.stream().mapToDouble(member -> dot(question, member));
        return switch (linkage) {
            case "average" -> similarities.average().orElse(0);
            case "complete" -> similarities.min().orElse(0);
            default -> { // centroid and nearest ≥ floor: the centroid's similarity, when the nearest member reaches the floor
                double floor = Double.parseDouble(linkage.substring(linkage.indexOf('≥') + 1).trim());
                float[] sum = new float[question.length];
                members.forEach(member -> IntStream.range(0, sum.length).forEach(i -> sum[i] += member[i]));
                double nearest = members.stream().mapToDouble(member -> dot(question, member)).max().orElse(0);
                yield nearest >= floor ? dot(sum, question) / Math.sqrt(dot(sum, sum)) : 0;
            }
        };
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** {@code vector} with its component along the unit vector {@code direction} removed, back to unit length. */
    private static float[] withoutDirection(float[] vector, float[] direction) {
        double along = dot(vector, direction);
        float[] rest = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            rest[i] = (float) (vector[i] - along * direction[i]);
        }
        double norm = Math.sqrt(dot(rest, rest));
        for (int i = 0; i < rest.length; i++) {
            rest[i] /= (float) norm;
        }
        return rest;
    }
}
