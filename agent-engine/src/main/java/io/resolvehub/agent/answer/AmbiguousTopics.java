package io.resolvehub.agent.answer;

import io.resolvehub.agent.SearchHit;
import io.resolvehub.agent.answer.ExtractiveAnswerEngine.Retrieval;
import io.resolvehub.agent.answer.ExtractiveAnswerEngine.Scored;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** When a terse question matches several sections about equally well, the sections to ask the user to choose from. */
final class AmbiguousTopics {

    private AmbiguousTopics() {
    }

    /**
     * Different topics that match a one-word question about equally well ("password" → "Reset a forgotten password",
     * "Password requirements"): then the agent asks instead of guessing. A topic is a document's section (title and
     * heading). Follow-ups and fuller questions are never treated as ambiguous: they say what they are about.
     */
    static List<Scored> of(Retrieval retrieval, Scored best) {
        if (!retrieval.query().carried().isEmpty() || retrieval.terms().own().size() > 1) {
            return List.of();
        }
        Map<String, Scored> byTopic = new LinkedHashMap<>();
        for (Scored s : retrieval.passages()) {
            boolean close = s.confidence() >= best.confidence() - 0.1 && s.signals().similarity() >= best.signals().similarity() - 0.05;
            if (close) {
                byTopic.putIfAbsent(topic(s.hit()), s);
            }
        }
        return byTopic.size() > 1 ? List.copyOf(byTopic.values()).subList(0, Math.min(3, byTopic.size())) : List.of();
    }

    /** A document's section as a reader names it: "Title › Heading", or the title alone. */
    static String topic(SearchHit hit) {
        String title = hit.title() == null ? "" : hit.title();
        String heading = hit.headingPath().isEmpty() ? "" : hit.headingPath().getLast();
        return heading.isEmpty() || heading.equals(title) ? title : title + " › " + heading;
    }
}
