package io.resolvehub.agent.answer;

import io.resolvehub.agent.embed.Embedder;
import io.resolvehub.agent.index.KnowledgeIndex;
import io.resolvehub.agent.index.SearchHit;
import io.resolvehub.agent.index.SearchMode;
import io.resolvehub.agent.index.SearchQuery;
import io.resolvehub.core.Answer;
import io.resolvehub.core.AnswerEngine;
import io.resolvehub.core.AnswerRequest;
import io.resolvehub.core.Citation;
import io.resolvehub.core.HandoffReason;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The default agent, with no LLM: retrieves the tenant's best passages (hybrid BM25 + vectors), and answers with the
 * exact sentences or steps that address the question, in the tenant's voice, citing the passage. It asks which topic
 * is meant when a terse question matches several different documents equally well, and hands off when nothing
 * relevant is found ({@code no_knowledge}). Every other answer carries its confidence: whether it is confident enough
 * is the tenant's hand-off policy to decide, not the engine's.
 *
 * <p>Document text is only ever quoted, never interpreted: an article that says "ignore your instructions" is data
 * like any other. Every search is filtered on the request's tenant.
 */
public final class ExtractiveAnswerEngine implements AnswerEngine {

    static final String NO_KNOWLEDGE_TEXT = "I couldn't find this in our help content, so I'm passing your question to "
            + "a person on our team who will follow up here.";
    private static final int RETRIEVE = 8;
    private static final int SNIPPET_CHARS = 400;

    private final KnowledgeIndex index;
    private final Embedder embedder;
    private final Voices voices;
    private final ConfidenceModel confidence;

    public ExtractiveAnswerEngine(KnowledgeIndex index, Embedder embedder, Voices voices, ConfidenceModel confidence) {
        this.index = index;
        this.embedder = embedder;
        this.voices = voices;
        this.confidence = confidence;
    }

    @Override
    public Answer answer(AnswerRequest request) {
        return answer(request, retrieve(request));
    }

    /** The retrieval step alone (the LLM engine and the evaluation reuse it). */
    public Retrieval retrieve(AnswerRequest request) {
        StandaloneQuery query = StandaloneQuery.of(request.question(), request.history());
        float[] vector = embedder.embed(query.text());
        List<SearchHit> hits = index.search(new SearchQuery(request.tenant(), query.text(), vector, RETRIEVE, SearchMode.HYBRID));
        Set<String> ownTerms = Terms.of(query.question());
        Set<String> carriedTerms = Terms.of(String.join(" ", query.carried()));
        Set<String> terms = ownTerms.size() >= 2 ? ownTerms : Terms.of(query.text());
        ConfidenceModel.QuestionShape shape = ConfidenceModel.QuestionShape.of(query);
        List<Scored> scored = new ArrayList<>();
        for (SearchHit hit : hits) {
            ConfidenceModel.Signals signals = ConfidenceModel.signals(hit, terms, shape);
            scored.add(new Scored(hit, signals, confidence.confidence(signals)));
        }
        return new Retrieval(query, vector, ownTerms, carriedTerms, terms, scored);
    }

    /** A retrieved passage with its confidence signals. */
    public record Scored(SearchHit hit, ConfidenceModel.Signals signals, double confidence) {
    }

    /** What retrieval found for a question. */
    public record Retrieval(StandaloneQuery query, float[] vector, Set<String> ownTerms, Set<String> carriedTerms,
                            Set<String> terms, List<Scored> passages) {

        /** The most confident of the top three passages (ties keep the retriever's order); null when none. */
        public Scored best() {
            Scored best = null;
            for (int i = 0; i < Math.min(3, passages.size()); i++) {
                if (best == null || passages.get(i).confidence() > best.confidence() + 0.05) {
                    best = passages.get(i);
                }
            }
            return best;
        }
    }

    /** Answers from an earlier retrieval (the LLM engine falls back to this). */
    public Answer answer(AnswerRequest request, Retrieval retrieval) {
        VoiceSettings voice = voices.get(request.tenant());
        Scored best = retrieval.best();
        if (best == null) {
            return Answer.handoff(voice.frame(NO_KNOWLEDGE_TEXT), 0, HandoffReason.NO_KNOWLEDGE);
        }
        double conf = best.confidence();
        if (best.signals().coverage() == 0 && best.signals().similarity() < 0.3) {
            return Answer.handoff(voice.frame(NO_KNOWLEDGE_TEXT), conf, HandoffReason.NO_KNOWLEDGE);
        }
        List<Scored> topics = ambiguousTopics(retrieval, best);
        if (topics.size() > 1) {
            StringBuilder text = new StringBuilder("I can help with that. Which of these do you mean?");
            List<Citation> citations = new ArrayList<>();
            for (Scored topic : topics) {
                text.append("\n- ").append(topic(topic.hit()));
                citations.add(citation(topic.hit(), topic.hit().text()));
            }
            return Answer.clarify(voice.frame(text.toString()), conf, citations);
        }
        List<Scored> candidates = new ArrayList<>();
        candidates.add(best);
        for (Scored s : retrieval.passages().subList(0, Math.min(5, retrieval.passages().size()))) {
            boolean duplicate = candidates.stream().anyMatch(c -> c.hit().text().equals(s.hit().text()));
            if (!duplicate && s.confidence() >= best.confidence() - 0.15 && candidates.size() < 4) {
                candidates.add(s);
            }
        }
        // Without carried turns the retrieval vector is the question's own; a follow-up's is embedded only if needed.
        float[] questionVector = retrieval.query().carried().isEmpty() ? retrieval.vector() : null;
        PassageSelector.Selection selection = PassageSelector.select(candidates.stream().map(c -> c.hit().text()).toList(),
                candidates.stream().map(c -> c.hit().headingPath().isEmpty() ? "" : c.hit().headingPath().getLast()).toList(),
                retrieval.ownTerms(), retrieval.carriedTerms(), retrieval.query().question(), questionVector, embedder);
        SearchHit source = candidates.get(selection.passage()).hit();
        return Answer.answer(voice.frame(selection.excerpt()), conf, List.of(citation(source, selection.excerpt())));
    }

    /**
     * Different topics that match a one-word question about equally well ("password" → "Reset a forgotten password",
     * "Password requirements"): then the agent asks instead of guessing. A topic is a document's section (title and
     * heading). Follow-ups and fuller questions are never treated as ambiguous: they say what they are about.
     */
    private List<Scored> ambiguousTopics(Retrieval retrieval, Scored best) {
        if (!retrieval.query().carried().isEmpty() || retrieval.ownTerms().size() > 1) {
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

    private static String topic(SearchHit hit) {
        String title = hit.title() == null ? "" : hit.title();
        String heading = hit.headingPath().isEmpty() ? "" : hit.headingPath().getLast();
        return heading.isEmpty() || heading.equals(title) ? title : title + " › " + heading;
    }

    private static Citation citation(SearchHit hit, String excerpt) {
        String snippet = excerpt.length() > SNIPPET_CHARS ? excerpt.substring(0, SNIPPET_CHARS) + "…" : excerpt;
        return new Citation(hit.sourceId(), hit.title(), hit.url(), snippet);
    }
}
