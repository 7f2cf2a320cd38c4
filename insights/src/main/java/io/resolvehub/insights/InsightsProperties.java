package io.resolvehub.insights;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code hub.insights.*}: how questions are grouped into topics and how much a report shows.
 *
 * @param topicSimilarity cosine similarity (all-MiniLM-L6-v2) from which a question joins a topic instead of starting one
 * @param topicDocumentMargin how much the document a question's answer cited counts: added to its similarity to a topic
 *                        whose questions' answers mostly cited the same document, taken off when they cited another;
 *                        0 groups by the question's wording alone
 * @param maxTopics       topics a report lists at most
 * @param maxGaps         gaps a report lists at most
 * @param assignInterval  how often questions whose topic was not assigned when asked are grouped in the background
 * @param digestCheckInterval how often the hub looks for due digests and deliveries to retry
 * @param digestRetryDelay    the wait before the first retry of a failed digest; it doubles with each retry
 * @param digestMaxAttempts   attempts before a digest delivery is given up and shown as failed
 * @param labelInterval       how often topics are named by the language model, when one is configured
 */
@ConfigurationProperties("hub.insights")
public record InsightsProperties(@DefaultValue("0.45") double topicSimilarity,
                                 @DefaultValue("0.15") double topicDocumentMargin,
                                 @DefaultValue("20") int maxTopics,
                                 @DefaultValue("10") int maxGaps,
                                 @DefaultValue("PT1M") Duration assignInterval,
                                 @DefaultValue("PT1M") Duration digestCheckInterval,
                                 @DefaultValue("PT1M") Duration digestRetryDelay,
                                 @DefaultValue("5") int digestMaxAttempts,
                                 @DefaultValue("PT1M") Duration labelInterval) {

    public InsightsProperties {
        if (topicSimilarity <= 0 || topicSimilarity >= 1) {
            throw new IllegalArgumentException("hub.insights.topic-similarity must be between 0 and 1, was " + topicSimilarity);
        }
        if (topicDocumentMargin < 0 || topicDocumentMargin >= 1) {
            throw new IllegalArgumentException("hub.insights.topic-document-margin must be at least 0 and below 1, was "
                    + topicDocumentMargin);
        }
        if (maxTopics < 1 || maxGaps < 1) {
            throw new IllegalArgumentException("hub.insights.max-topics and max-gaps must be at least 1");
        }
        if (digestMaxAttempts < 1) {
            throw new IllegalArgumentException("hub.insights.digest-max-attempts must be at least 1");
        }
    }
}
