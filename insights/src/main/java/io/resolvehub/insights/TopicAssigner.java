package io.resolvehub.insights;

import io.resolvehub.core.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Groups questions into topics as they come ({@link TopicClustering} at {@code hub.insights.topic-similarity}, with
 * the document each question's first reply cited counting {@code hub.insights.topic-document-margin}), so a report only
 * counts and never clusters from scratch. Questions are taken oldest first under a per-tenant lock, so
 * instances take turns and make the same assignments.
 */
class TopicAssigner {

    private static final Logger log = LoggerFactory.getLogger(TopicAssigner.class);
    private static final int BATCH = 500;

    private final InsightQuestions questions;
    private final InsightTopics topics;
    private final QuestionEmbedder embedder;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final double threshold;
    private final double documentMargin;

    TopicAssigner(InsightQuestions questions, InsightTopics topics, QuestionEmbedder embedder, TransactionTemplate tx,
                  Clock clock, double threshold, double documentMargin) {
        this.questions = questions;
        this.topics = topics;
        this.embedder = embedder;
        this.tx = tx;
        this.clock = clock;
        this.threshold = threshold;
        this.documentMargin = documentMargin;
    }

    /** Assigns every waiting question of the tenant; returns how many. */
    int assignPending(TenantId tenant) {
        int total = 0;
        int assigned;
        do {
            assigned = tx.execute(s -> assignBatch(tenant));
            total += assigned;
        } while (assigned == BATCH);
        return total;
    }

    /** Assigns the waiting questions of every tenant (the recurring job). */
    void assignAllPending() {
        for (TenantId tenant : questions.tenantsWithPending()) {
            try {
                assignPending(tenant);
            } catch (RuntimeException e) {
                log.warn("Could not group the questions of tenant {} into topics: {}", tenant, e.toString());
            }
        }
    }

    private int assignBatch(TenantId tenant) {
        topics.lock(tenant);
        List<InsightQuestions.Pending> pending = withVectors(questions.pending(tenant, BATCH));
        if (pending.isEmpty()) {
            return 0;
        }
        List<InsightTopics.Topic> known = topics.all(tenant);
        Map<Long, Map<String, Integer>> cited = known.isEmpty() || documentMargin == 0 ? Map.of()
                : questions.citedDocumentsByTopic(tenant);
        List<Long> ids = new ArrayList<>();
        TopicClustering clustering = new TopicClustering(threshold, documentMargin);
        for (InsightTopics.Topic topic : known) {
            clustering.add(topic.vectorSum(), topic.members(), cited.getOrDefault(topic.id(), Map.of()));
            ids.add(topic.id());
        }
        Set<Integer> grown = new TreeSet<>();
        for (InsightQuestions.Pending question : pending) {
            int cluster = clustering.assign(question.vector(), question.citedDocument());
            if (cluster == ids.size()) {
                ids.add(topics.create(tenant, question.vector(), clock.instant()));
            } else {
                grown.add(cluster);
            }
            questions.assign(question.conversationId(), ids.get(cluster));
        }
        for (int cluster : grown) {
            topics.update(new InsightTopics.Topic(ids.get(cluster), clustering.vectorSum(cluster), clustering.members(cluster)));
        }
        return pending.size();
    }

    /** Embeds, in one batch, the waiting questions whose vector was not kept when they were asked. */
    private List<InsightQuestions.Pending> withVectors(List<InsightQuestions.Pending> pending) {
        List<InsightQuestions.Pending> missing = pending.stream().filter(p -> p.vector() == null).toList();
        if (missing.isEmpty()) {
            return pending;
        }
        List<float[]> vectors = embedder.embedAll(missing.stream().map(InsightQuestions.Pending::question).toList());
        List<InsightQuestions.Pending> complete = new ArrayList<>();
        int next = 0;
        for (InsightQuestions.Pending p : pending) {
            if (p.vector() != null) {
                complete.add(p);
            } else {
                float[] vector = vectors.get(next++);
                questions.storeVector(p.conversationId(), vector);
                complete.add(new InsightQuestions.Pending(p.conversationId(), p.question(), vector, p.citedDocument()));
            }
        }
        return complete;
    }
}
