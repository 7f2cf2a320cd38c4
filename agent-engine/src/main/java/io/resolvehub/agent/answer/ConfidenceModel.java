package io.resolvehub.agent.answer;

import io.resolvehub.agent.index.SearchHit;

import java.util.Set;

/**
 * How sure the agent is that the best passage answers the question: a logistic model over three signals of the top
 * hit, so the value reads as a probability and 0.5 is the natural threshold.
 * <ul>
 *   <li>{@code similarity}: cosine of the question and passage embeddings (all-MiniLM-L6-v2); semantic match.</li>
 *   <li>{@code coverage}: the share of the question's content words (stemmed, filler removed) that appear in the
 *   passage, its title or headings; lexical match, which catches "it is about X but says nothing of Y".</li>
 *   <li>{@code agreement}: 1 when BM25 and the vector search both rank the passage in their top 5.</li>
 * </ul>
 * {@code confidence = 1 / (1 + exp(-(b0 + b1·similarity + b2·coverage + b3·agreement)))}. The coefficients were fitted
 * by logistic regression on the mtrag_cloud development set (answerable vs not) with the evaluation command, see
 * {@code docs/evaluation.md}.
 */
public record ConfidenceModel(double intercept, double similarityWeight, double coverageWeight, double agreementWeight) {

    /** Fitted on mtrag_cloud with class-balanced logistic regression ({@code Evaluation --fit}, docs/evaluation.md). */
    public static final ConfidenceModel CALIBRATED = new ConfidenceModel(-3.641, 3.223, 2.620, 0.338);

    /** The signals of one (question, top hit) pair. */
    public record Signals(double similarity, double coverage, double agreement) {
    }

    public static Signals signals(SearchHit hit, Set<String> questionTerms) {
        StringBuilder context = new StringBuilder(hit.text());
        if (hit.title() != null) {
            context.append(' ').append(hit.title());
        }
        hit.headingPath().forEach(h -> context.append(' ').append(h));
        double coverage = Terms.coverage(questionTerms, Terms.of(context.toString()));
        double similarity = Double.isNaN(hit.similarity()) ? 0 : hit.similarity();
        boolean agree = hit.bm25Rank() > 0 && hit.bm25Rank() <= 5 && hit.vectorRank() > 0 && hit.vectorRank() <= 5;
        return new Signals(similarity, coverage, agree ? 1 : 0);
    }

    public double confidence(Signals s) {
        double z = intercept + similarityWeight * s.similarity() + coverageWeight * s.coverage() + agreementWeight * s.agreement();
        return 1 / (1 + Math.exp(-z));
    }
}
