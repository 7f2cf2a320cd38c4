package io.resolvehub.eval;

import io.resolvehub.agent.answer.ConfidenceModel;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * Fits {@link ConfidenceModel} by cost-weighted logistic regression: a not-answerable question weighs
 * {@link ConfidenceModel#WRONG_ANSWER_COST} times an answerable one, so 0.5 is the point where answering (risking a wrong
 * answer) and handing off (risking a needless hand-off) cost the same. Signals are standardised while fitting (plain
 * gradient descent then converges in a few thousand steps) and the coefficients are converted back to raw signals.
 * A light L2 penalty keeps a signal that barely varies from getting an absurd weight.
 */
final class ConfidenceFit {

    /** One question: the signals of its best passage and whether the set says it is answerable. */
    record Row(double[] signals, boolean answerable, double weight) {

        Row(double[] signals, boolean answerable) {
            this(signals, answerable, 1);
        }

        Row weighted(double w) {
            return new Row(signals, answerable, w);
        }
    }

    private static final int STEPS = 4000;
    private static final double LEARNING_RATE = 1.0;
    private static final double L2 = 0.01;
    private static final int FOLDS = 10;

    private ConfidenceFit() {
    }

    static ConfidenceModel fit(List<Row> rows, double wrongAnswerCost) {
        int d = rows.getFirst().signals().length;
        double[] mean = new double[d];
        double[] sd = new double[d];
        for (Row r : rows) {
            for (int j = 0; j < d; j++) {
                mean[j] += r.signals()[j] / rows.size();
            }
        }
        for (Row r : rows) {
            for (int j = 0; j < d; j++) {
                sd[j] += Math.pow(r.signals()[j] - mean[j], 2) / rows.size();
            }
        }
        for (int j = 0; j < d; j++) {
            sd[j] = Math.max(Math.sqrt(sd[j]), 1e-9);
        }
        double[] w = new double[d + 1];   // w[0] is the intercept, on standardised signals
        for (int step = 0; step < STEPS; step++) {
            double[] gradient = new double[d + 1];
            for (Row r : rows) {
                double z = w[0];
                for (int j = 0; j < d; j++) {
                    z += w[j + 1] * (r.signals()[j] - mean[j]) / sd[j];
                }
                double label = r.answerable() ? 1 : 0;
                double error = r.weight() * (r.answerable() ? 1 : wrongAnswerCost) * (1 / (1 + Math.exp(-z)) - label);
                gradient[0] += error;
                for (int j = 0; j < d; j++) {
                    gradient[j + 1] += error * (r.signals()[j] - mean[j]) / sd[j];
                }
            }
            for (int j = 0; j <= d; j++) {
                w[j] -= LEARNING_RATE * (gradient[j] / rows.size() + (j == 0 ? 0 : L2 * w[j]));
            }
        }
        double intercept = w[0];
        double[] raw = new double[d];
        for (int j = 0; j < d; j++) {
            raw[j] = w[j + 1] / sd[j];
            intercept -= w[j + 1] * mean[j] / sd[j];
        }
        return ConfidenceModel.of(intercept, raw);
    }

    /** Answer rate on answerable / abstain rate on not answerable when answering at confidence ≥ 0.5. */
    static double[] rates(ConfidenceModel model, List<Row> rows) {
        return rates(rows, i -> model);
    }

    /** The same rates, each question judged by a model fitted without it (10-fold cross-validation). */
    static double[] crossValidatedRates(List<Row> rows, double wrongAnswerCost) {
        int[] fold = new Random(7).ints(rows.size(), 0, FOLDS).toArray();
        ConfidenceModel[] models = new ConfidenceModel[FOLDS];
        for (int f = 0; f < FOLDS; f++) {
            final int held = f;
            models[f] = fit(IntStream.range(0, rows.size()).filter(i -> fold[i] != held).mapToObj(rows::get).toList(), wrongAnswerCost);
        }
        return rates(rows, i -> models[fold[i]]);
    }

    private static double[] rates(List<Row> rows, IntFunction<ConfidenceModel> modelFor) {
        int answerable = 0, answered = 0, other = 0, abstained = 0;
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            boolean answers = modelFor.apply(i).confidence(signals(r)) >= 0.5;
            if (r.answerable()) {
                answerable++;
                answered += answers ? 1 : 0;
            } else {
                other++;
                abstained += answers ? 0 : 1;
            }
        }
        return new double[]{(double) answered / answerable, (double) abstained / other};
    }

    /**
     * Fits on every set but one and reports the held-out set, for each set in turn, beside the in-sample rates of a
     * fit on all sets: what a confidence fitted elsewhere does on content it never saw.
     */
    static String acrossSets(Map<String, List<Row>> rowsBySet, double cost) {
        StringBuilder out = new StringBuilder("| held-out set | fitted on | answer / abstain held out | answer / abstain in sample (all sets) |\n"
                + "|---|---|---|---|\n");
        List<Row> all = balanced(rowsBySet, rowsBySet.keySet());
        ConfidenceModel onAll = fit(all, cost);
        StringBuilder models = new StringBuilder();
        for (Map.Entry<String, List<Row>> held : rowsBySet.entrySet()) {
            List<String> others = rowsBySet.keySet().stream().filter(n -> !n.equals(held.getKey())).toList();
            List<Row> training = balanced(rowsBySet, others);
            if (training.isEmpty() || held.getValue().isEmpty()) {
                continue;
            }
            ConfidenceModel model = fit(training, cost);
            double[] out1 = rates(model, held.getValue());
            double[] in = rates(onAll, held.getValue());
            out.append(String.format(Locale.ROOT, "| %s | %s | %.1f%% / %.1f%% | %.1f%% / %.1f%% |%n", held.getKey(),
                    String.join(" + ", others), 100 * out1[0], 100 * out1[1], 100 * in[0], 100 * in[1]));
            models.append("fitted without ").append(held.getKey()).append(": ").append(model).append('\n');
        }
        return out.append('\n').append(models).append("fitted on all: ").append(onAll).append('\n').toString();
    }

    /** The rows of the named sets, each set weighing the same in total: no set's size decides the fit. */
    private static List<Row> balanced(Map<String, List<Row>> rowsBySet, java.util.Collection<String> names) {
        List<Row> rows = new java.util.ArrayList<>();
        double mean = names.stream().mapToInt(n -> rowsBySet.get(n).size()).average().orElse(1);
        for (String name : names) {
            List<Row> set = rowsBySet.get(name);
            set.forEach(r -> rows.add(r.weighted(mean / set.size())));
        }
        return rows;
    }

    private static ConfidenceModel.Signals signals(Row r) {
        return ConfidenceModel.Signals.of(r.signals());
    }
}
