package io.resolvehub.agent.answer;

import io.resolvehub.agent.SearchHit;

import java.util.Arrays;
import java.util.Locale;

/**
 * How sure the agent is that its answer holds what was asked: a logistic model over signals that mean the same on any
 * corpus, so the value reads as a probability and the tenant's threshold (0.5 by default) is where answering and
 * handing off are expected to cost the same.
 * <ul>
 *   <li>{@code similarity}: cosine of the question and passage embeddings (all-MiniLM-L6-v2); semantic match.</li>
 *   <li>{@code coverage}: the share of the question's content words found in the passage, its title or headings, each
 *   word weighted by how rare it is in the tenant's knowledge: "it is about X but says nothing of Y".</li>
 *   <li>{@code agreement}: 1 when BM25 and the vector search both rank the passage in their top 5.</li>
 *   <li>{@code yesNo}: 1 for a yes/no question: help content documents what exists and rarely says what does not,
 *   so a passage merely on the topic of a yes/no question seldom settles it.</li>
 *   <li>{@code followUp}: 1 when the question leans on earlier turns ({@link StandaloneQuery}).</li>
 *   <li>{@code unknown}: the weighted share of the question's words that no document of the tenant holds in any form
 *   (after spelling and short forms): a feature, product or certification the docs never mention.</li>
 *   <li>{@code excerptCoverage}: {@code coverage} of the quoted excerpt alone (with its heading): the words of the
 *   question have to meet in what is quoted, not just somewhere in the passage.</li>
 *   <li>{@code typeMissing}: 1 when the question asks for a kind of value ({@link AnswerType}: a duration, a price, a
 *   count, a year, a name, a place) and the excerpt holds none.</li>
 *   <li>{@code excerptSimilarity}: cosine of the question and the quoted excerpt: a sentence that answers tends to
 *   restate the question, one that is merely on its topic does not.</li>
 * </ul>
 * {@code confidence = 1 / (1 + exp(-(b0 + Σ bᵢ·signalᵢ)))}, fitted by the evaluation (docs/evaluation.md).
 */
public record ConfidenceModel(double intercept, double[] weights) {

    /**
     * Fitted on the six development sets together (mtrag_cloud, clapnq, lumen-dev and the Rotaline, Inkstead and
     * Parcelwise help centers), each set weighing the same (agent-eval's {@code Evaluation --fit --cost 1.2},
     * docs/evaluation.md); the Fernledger and Callwise help centers ({@code helpcenter2}, {@code helpcenter5}) were held
     * out, and judged it.
     */
    public static final ConfidenceModel CALIBRATED = new ConfidenceModel(-5.116,
            new double[]{0.912, 1.437, 0.769, -1.167, 0.031, -2.573, 2.038, -1.241, 5.684});

    /**
     * How much a wrong answer weighs against a needless hand-off in the fit. The one number chosen by looking at the
     * sets: with the help centers in the fit, 1 abstained on 49% of clapnq's not-answerable questions (short of the
     * half the default threshold should hold), 1.2 on 55% while still answering 71% of the Rotaline help center's
     * questions correctly; 1.5 gave up right answers on every set. A team that would rather hand off more raises its
     * {@code confidenceThreshold}.
     */
    public static final double WRONG_ANSWER_COST = 1.2;

    public ConfidenceModel {
        if (weights.length != Signals.COUNT) {
            throw new IllegalArgumentException("a confidence model needs " + Signals.COUNT + " weights, got " + weights.length);
        }
        weights = weights.clone();
    }

    /** The signals of one (question, answer) pair. */
    public record Signals(double similarity, double coverage, double agreement, double yesNo, double followUp, double unknown,
                          double excerptCoverage, double typeMissing, double excerptSimilarity) {

        static final int COUNT = 9;

        public double[] values() {
            return new double[]{similarity, coverage, agreement, yesNo, followUp, unknown, excerptCoverage, typeMissing,
                    excerptSimilarity};
        }

        /** The signals from {@link #values()}. */
        public static Signals of(double[] v) {
            return new Signals(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8]);
        }

        /** The same passage signals, judged on a chosen excerpt. */
        Signals withExcerpt(double excerptCoverage, boolean typeMissing, double excerptSimilarity) {
            return new Signals(similarity, coverage, agreement, yesNo, followUp, unknown, excerptCoverage, typeMissing ? 1 : 0,
                    excerptSimilarity);
        }
    }

    /** What a question is like, whatever passage it is matched with. */
    public record QuestionShape(boolean yesNo, boolean followUp, AnswerType type) {

        public static QuestionShape of(StandaloneQuery query) {
            return new QuestionShape(YesNoQuestion.is(query.question()), !query.carried().isEmpty(), AnswerType.asked(query));
        }
    }

    /** The signals of a passage, before an excerpt is chosen: the whole passage stands for the excerpt. */
    static Signals signals(SearchHit hit, QuestionTerms terms, QuestionShape shape) {
        double coverage = terms.coverage(Terms.of(context(hit)));
        double similarity = Double.isNaN(hit.similarity()) ? 0 : hit.similarity();
        boolean agree = hit.bm25Rank() > 0 && hit.bm25Rank() <= 5 && hit.vectorRank() > 0 && hit.vectorRank() <= 5;
        return new Signals(similarity, coverage, agree ? 1 : 0, shape.yesNo() ? 1 : 0, shape.followUp() ? 1 : 0,
                terms.unknownShare(), coverage, shape.type().carriedBy(hit.text(), terms.named()) ? 0 : 1, similarity);
    }

    /** A passage's title, headings and text: what its words are looked for in. */
    static String context(SearchHit hit) {
        StringBuilder context = new StringBuilder(hit.text());
        if (hit.title() != null) {
            context.append(' ').append(hit.title());
        }
        hit.headingPath().forEach(h -> context.append(' ').append(h));
        return context.toString();
    }

    /** A model from a fitted intercept and one weight per signal, in the order of {@link Signals#values()}. */
    public static ConfidenceModel of(double intercept, double[] weights) {
        return new ConfidenceModel(intercept, weights);
    }

    public double confidence(Signals s) {
        double[] v = s.values();
        double z = intercept;
        for (int i = 0; i < v.length; i++) {
            z += weights[i] * v[i];
        }
        return 1 / (1 + Math.exp(-z));
    }

    @Override
    public String toString() {
        StringBuilder w = new StringBuilder();
        Arrays.stream(weights).forEach(x -> w.append(w.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%.3f", x)));
        return String.format(Locale.ROOT, "new ConfidenceModel(%.3f, new double[]{%s})", intercept, w);
    }
}
