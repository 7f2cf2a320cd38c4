package io.resolvehub.insights;

import java.time.Instant;
import java.util.List;

/**
 * What customers asked in a period ({@code GET /tenants/{t}/insights}): totals, topics largest first, and content gaps
 * largest first.
 */
public record InsightsReport(Instant from, Instant to, Totals totals, List<Topic> topics, List<Gap> gaps) {

    public InsightsReport {
        topics = List.copyOf(topics);
        gaps = List.copyOf(gaps);
    }

    /**
     * @param resolutionRate resolved ÷ (resolved + handed off), 0 when neither happened
     * @param coinsSpent     coins charged in the period less the coins refunded in it
     */
    public record Totals(long conversations, long resolved, long handedOff, double resolutionRate, long coinsSpent) {
    }

    /** A group of questions by meaning; {@code id} is stable across periods. */
    public record Topic(long id, String label, int count, int resolved, int handedOff, Trend trend, List<String> examples) {

        public Topic {
            examples = List.copyOf(examples);
        }
    }

    /**
     * Questions of one topic the docs did not serve (handed off for low confidence or no knowledge, or with negative
     * feedback); {@code id} is the topic's, {@code closestSource} null when no source comes close.
     */
    public record Gap(long id, String label, int count, List<String> examples, KnowledgeLookup.SourceRef closestSource) {

        public Gap {
            examples = List.copyOf(examples);
        }
    }

    public boolean quiet() {
        return totals.conversations() == 0;
    }
}
