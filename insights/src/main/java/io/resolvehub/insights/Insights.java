package io.resolvehub.insights;

import io.resolvehub.core.TenantId;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Builds a tenant's insights for the last N days from the questions kept as they were asked: catches up the topics of
 * questions not grouped yet, then counts per topic against the previous period, names topics (the name a language model
 * gave the topic, else its characteristic terms) and ranks gaps.
 * Thread-safe.
 */
public class Insights {

    /** Longest period a report covers. */
    public static final int MAX_DAYS = 365;
    static final int EXAMPLES = 5;

    private final InsightQuestions questions;
    private final InsightTopics topics;
    private final TopicAssigner assigner;
    private final WordStems stems;
    private final KnowledgeLookup knowledge;
    private final CoinFigures coins;
    private final Clock clock;
    private final InsightsProperties properties;

    Insights(InsightQuestions questions, InsightTopics topics, TopicAssigner assigner, WordStems stems,
             KnowledgeLookup knowledge, CoinFigures coins, Clock clock, InsightsProperties properties) {
        this.questions = questions;
        this.topics = topics;
        this.assigner = assigner;
        this.stems = stems;
        this.knowledge = knowledge;
        this.coins = coins;
        this.clock = clock;
        this.properties = properties;
    }

    /** @throws IllegalArgumentException when {@code days} is outside 1..{@value #MAX_DAYS} */
    public InsightsReport report(TenantId tenant, int days) {
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("days must be between 1 and " + MAX_DAYS + ", was " + days);
        }
        Instant to = clock.instant();
        Instant from = to.minus(Duration.ofDays(days));
        return report(tenant, from, to);
    }

    /** The report for {@code [from, to)}, compared with the period of the same length before it. */
    public InsightsReport report(TenantId tenant, Instant from, Instant to) {
        assigner.assignPending(tenant);
        Instant previousFrom = from.minus(Duration.between(from, to));
        List<AskedQuestion> current = questions.askedBetween(tenant, from, to);
        Map<Long, Integer> previousCounts = questions.countsByTopic(tenant, previousFrom, from);
        Map<Long, List<AskedQuestion>> byTopic = new LinkedHashMap<>();
        current.stream().filter(q -> q.topicId() != null).forEach(q -> byTopic.computeIfAbsent(q.topicId(), id -> new ArrayList<>()).add(q));
        TopicLabels labels = new TopicLabels(stems, current.stream().map(AskedQuestion::question).toList());
        Map<Long, String> named = topics.labels(tenant); // by a language model in the background, when there is one
        Map<Long, String> labelCache = new HashMap<>(named);
        Function<Long, String> labelOf = id -> labelCache.computeIfAbsent(id,
                t -> labels.label(byTopic.get(t).stream().map(AskedQuestion::question).toList()));

        List<InsightsReport.Topic> topicList = byTopic.entrySet().stream()
                .sorted(largestFirst())
                .limit(properties.maxTopics())
                .map(e -> topic(e.getKey(), e.getValue(), previousCounts.getOrDefault(e.getKey(), 0), labelOf.apply(e.getKey())))
                .toList();
        List<InsightsReport.Gap> gaps = gaps(tenant, current, labelOf);
        return new InsightsReport(from, to, totals(tenant, current, from, to), topicList, gaps);
    }

    private List<InsightsReport.Gap> gaps(TenantId tenant, List<AskedQuestion> current,
                                          Function<Long, String> labelOf) {
        Map<Long, List<AskedQuestion>> byTopic = new LinkedHashMap<>();
        current.stream().filter(q -> q.topicId() != null && q.showsAGap())
                .forEach(q -> byTopic.computeIfAbsent(q.topicId(), id -> new ArrayList<>()).add(q));
        if (byTopic.isEmpty()) {
            return List.of();
        }
        Map<Long, InsightTopics.Topic> vectors = topics.byId(tenant);
        return byTopic.entrySet().stream()
                .sorted(largestFirst())
                .limit(properties.maxGaps())
                .map(e -> new InsightsReport.Gap(e.getKey(), labelOf.apply(e.getKey()), e.getValue().size(),
                        TopicLabels.examples(e.getValue(), EXAMPLES),
                        Optional.ofNullable(vectors.get(e.getKey()))
                                .flatMap(t -> knowledge.closestSource(tenant, unit(t.vectorSum()))).orElse(null)))
                .toList();
    }

    private static InsightsReport.Topic topic(Long id, List<AskedQuestion> members, int previous, String label) {
        int resolved = (int) members.stream().filter(q -> q.outcome() == Outcome.RESOLVED).count();
        int handedOff = (int) members.stream().filter(q -> q.outcome() == Outcome.HANDED_OFF).count();
        return new InsightsReport.Topic(id, label, members.size(), resolved, handedOff,
                Trend.of(members.size(), previous), TopicLabels.examples(members, EXAMPLES));
    }

    private InsightsReport.Totals totals(TenantId tenant, List<AskedQuestion> current, Instant from, Instant to) {
        long resolved = current.stream().filter(q -> q.outcome() == Outcome.RESOLVED).count();
        long handedOff = current.stream().filter(q -> q.outcome() == Outcome.HANDED_OFF).count();
        double rate = resolved + handedOff == 0 ? 0 : Math.round(1000.0 * resolved / (resolved + handedOff)) / 1000.0;
        return new InsightsReport.Totals(current.size(), resolved, handedOff, rate, coins.coinsSpent(tenant, from, to));
    }

    /** Largest first; equal sizes by topic age (the older topic first). */
    private static Comparator<Map.Entry<Long, List<AskedQuestion>>> largestFirst() {
        return Comparator.comparingInt((Map.Entry<Long, List<AskedQuestion>> e) -> -e.getValue().size())
                .thenComparing(Map.Entry::getKey);
    }

    private static float[] unit(float[] sum) {
        double norm = Vectors.norm(sum);
        float[] unit = new float[sum.length];
        for (int i = 0; i < sum.length; i++) {
            unit[i] = norm == 0 ? 0 : (float) (sum[i] / norm);
        }
        return unit;
    }
}
