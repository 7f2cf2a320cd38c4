package io.resolvehub.agent.answer;

import io.resolvehub.agent.index.SearchHit;

import java.util.Set;

/**
 * How sure the agent is that the best passage answers the question: a logistic model over five signals, so the value
 * reads as a probability and 0.5 is the natural threshold.
 * <ul>
 *   <li>{@code similarity}: cosine of the question and passage embeddings (all-MiniLM-L6-v2); semantic match.</li>
 *   <li>{@code coverage}: the share of the question's content words (stemmed, filler removed) that appear in the
 *   passage, its title or headings; lexical match, which catches "it is about X but says nothing of Y".</li>
 *   <li>{@code agreement}: 1 when BM25 and the vector search both rank the passage in their top 5.</li>
 *   <li>{@code yesNo}: 1 for a yes/no question ("Is there a plan for small businesses?"). Help content documents what
 *   exists and how to do it, and rarely says what does not exist, so a passage merely on the topic of a yes/no question
 *   seldom settles it: such a question needs stronger evidence.</li>
 *   <li>{@code followUp}: 1 when the question leans on earlier turns (retrieval carried them, see
 *   {@link StandaloneQuery}); what it asks is then partly implied, and the passage found for the whole conversation
 *   answers the new question less often.</li>
 * </ul>
 * {@code confidence = 1 / (1 + exp(-(b0 + Σ bᵢ·signalᵢ)))}. The coefficients were fitted by logistic regression on the
 * mtrag_cloud development set (answerable vs not) with the evaluation command, see {@code docs/evaluation.md}.
 */
public record ConfidenceModel(double intercept, double similarityWeight, double coverageWeight, double agreementWeight,
                              double yesNoWeight, double followUpWeight) {

    /**
     * Fitted on mtrag_cloud ({@code Evaluation --fit}, docs/evaluation.md) with a wrong answer weighing
     * {@value #WRONG_ANSWER_COST}× a needless hand-off, so that at 0.5 answering and handing off cost the same.
     */
    public static final ConfidenceModel CALIBRATED = new ConfidenceModel(-0.488, 2.042, 2.715, 0.352, -1.455, -1.903);

    /** How much worse a wrong answer is than handing off a question the agent could have answered. */
    public static final double WRONG_ANSWER_COST = 3.3;

    /** The signals of one (question, passage) pair. */
    public record Signals(double similarity, double coverage, double agreement, double yesNo, double followUp) {

        public double[] values() {
            return new double[]{similarity, coverage, agreement, yesNo, followUp};
        }
    }

    /** What a question is like, whatever passage it is matched with. */
    public record QuestionShape(boolean yesNo, boolean followUp) {

        public static QuestionShape of(StandaloneQuery query) {
            return new QuestionShape(YesNoQuestion.is(query.question()), !query.carried().isEmpty());
        }
    }

    public static Signals signals(SearchHit hit, Set<String> questionTerms, QuestionShape shape) {
        StringBuilder context = new StringBuilder(hit.text());
        if (hit.title() != null) {
            context.append(' ').append(hit.title());
        }
        hit.headingPath().forEach(h -> context.append(' ').append(h));
        double coverage = Terms.coverage(questionTerms, Terms.of(context.toString()));
        double similarity = Double.isNaN(hit.similarity()) ? 0 : hit.similarity();
        boolean agree = hit.bm25Rank() > 0 && hit.bm25Rank() <= 5 && hit.vectorRank() > 0 && hit.vectorRank() <= 5;
        return new Signals(similarity, coverage, agree ? 1 : 0, shape.yesNo() ? 1 : 0, shape.followUp() ? 1 : 0);
    }

    /** A model from a fitted intercept and one weight per signal, in the order of {@link Signals#values()}. */
    public static ConfidenceModel of(double intercept, double[] weights) {
        return new ConfidenceModel(intercept, weights[0], weights[1], weights[2], weights[3], weights[4]);
    }

    public double confidence(Signals s) {
        double z = intercept + similarityWeight * s.similarity() + coverageWeight * s.coverage() + agreementWeight * s.agreement()
                + yesNoWeight * s.yesNo() + followUpWeight * s.followUp();
        return 1 / (1 + Math.exp(-z));
    }
}
