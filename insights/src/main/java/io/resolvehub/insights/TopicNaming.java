package io.resolvehub.insights;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;

/**
 * Names topics with a language model in the background (a job on core's scheduler), so a report only reads the names
 * and never waits for a model: a topic is named once it has {@value #MIN_MEMBERS} questions, and again when it has
 * doubled since, because what it is about may have widened. Until then, and whenever the model gives nothing usable,
 * the topic keeps its characteristic terms. A model that fails ends the run (it is likely down, and the scheduler's one
 * thread should not wait on it topic after topic); the next run tries again.
 */
class TopicNaming {

    private static final Logger log = LoggerFactory.getLogger(TopicNaming.class);
    /** Smaller topics are too thin to name, and a model call for every one-off question would cost too much. */
    static final int MIN_MEMBERS = 3;
    /** Topics named per run at most, so one run holds the scheduler for a few model calls only. */
    static final int PER_RUN = 5;
    static final int QUESTIONS = 10;
    private static final int LONGEST = 100;

    private final InsightQuestions questions;
    private final InsightTopics topics;
    private final TopicLabeller labeller;

    TopicNaming(InsightQuestions questions, InsightTopics topics, TopicLabeller labeller) {
        this.questions = questions;
        this.topics = topics;
        this.labeller = labeller;
    }

    /** Names the largest topics waiting for a name; returns how many were asked for. */
    int nameWaiting() {
        List<InsightTopics.ToName> waiting = topics.toName(MIN_MEMBERS, PER_RUN);
        int asked = 0;
        for (InsightTopics.ToName topic : waiting) {
            Optional<String> label;
            try {
                label = labeller.label(questions.latestOfTopic(topic.tenant(), topic.id(), QUESTIONS));
            } catch (RuntimeException e) {
                log.warn("The language model could not name topic {} of tenant {} ({}); it keeps its terms for now",
                        topic.id(), topic.tenant(), e.getMessage());
                return asked;
            }
            asked++;
            topics.storeLabel(topic.id(), label.map(TopicNaming::fit).filter(l -> !l.isBlank()).orElse(null),
                    topic.members());
        }
        return asked;
    }

    private static String fit(String label) {
        String oneLine = label.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= LONGEST ? oneLine : oneLine.substring(0, LONGEST);
    }
}
