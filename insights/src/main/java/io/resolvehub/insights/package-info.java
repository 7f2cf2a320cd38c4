/**
 * Insights: what customers ask (topics by meaning), where the docs fall short (content gaps), and the digest that
 * reports both.
 *
 * <p>Each conversation's opening question is kept with its sentence vector as it is asked
 * ({@link io.resolvehub.insights.InsightsEventListener}) and grouped into a topic incrementally
 * ({@link io.resolvehub.insights.TopicClustering}), so a report only counts. The embedding model, word stems, the
 * knowledge index and the coin meter are reached through small interfaces the application supplies; this module sees
 * connector-core only.
 */
package io.resolvehub.insights;
