package io.resolvehub.agent.answer;

import io.resolvehub.agent.Embedder;
import io.resolvehub.agent.KnowledgeIndex;
import io.resolvehub.agent.SearchHit;
import io.resolvehub.agent.SearchMode;
import io.resolvehub.agent.SearchQuery;
import io.resolvehub.agent.VoiceSettings;
import io.resolvehub.agent.Voices;
import io.resolvehub.agent.embed.Vectors;
import io.resolvehub.core.Answer;
import io.resolvehub.core.AnswerEngine;
import io.resolvehub.core.AnswerRequest;
import io.resolvehub.core.Citation;
import io.resolvehub.core.HandoffReason;

import java.util.ArrayList;
import java.util.List;
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
    private final QuestionReader reader;

    public ExtractiveAnswerEngine(KnowledgeIndex index, Embedder embedder, Voices voices, ConfidenceModel confidence) {
        this.index = index;
        this.reader = new QuestionReader(index);
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
        QuestionReader.Reading reading = reader.read(request.tenant(), query);
        String searchText = reading.searchAddition().isEmpty() ? query.text() : query.text() + "\n" + reading.searchAddition();
        // read as the documents spell it ("pw" → password), for the search and for judging the answer alike: one model call
        float[] vector = embedder.embed(reading.respelling().isEmpty() ? query.text() : query.text() + "\n" + reading.respelling());
        List<SearchHit> hits = index.search(new SearchQuery(request.tenant(), searchText, vector, RETRIEVE, SearchMode.HYBRID));
        ConfidenceModel.QuestionShape shape = ConfidenceModel.QuestionShape.of(query);
        List<Scored> scored = new ArrayList<>();
        for (SearchHit hit : hits) {
            ConfidenceModel.Signals signals = ConfidenceModel.signals(hit, reading.terms(), shape);
            scored.add(new Scored(hit, signals, confidence.confidence(signals)));
        }
        List<Scored> ordered = WordEvidence.ordered(scored);
        return new Retrieval(query, vector, reading.terms(), shape, ordered, definition(reading.definition(), ordered, vector, reading.terms(), shape));
    }

    /**
     * The passage defining the short form a question asks about, judged on the short form alone: in "the SSO page talks
     * about JIT, what's that?" the rest says where the user met it, and a definition need not repeat that. The retrieved
     * passage's similarity is kept when retrieval found it too, else it is measured here (one model call, only for such
     * a question).
     */
    private Definition definition(ShortFormDefinitions.Definition asked, List<Scored> retrieved, float[] vector, QuestionTerms terms,
                                  ConfidenceModel.QuestionShape shape) {
        if (asked == null) {
            return null;
        }
        QuestionTerms aboutTheForm = terms.about(Terms.of(asked.form()));
        SearchHit defining = asked.passage();
        SearchHit hit = retrieved.stream().map(Scored::hit).filter(h -> h.chunkId().equals(defining.chunkId())).findFirst()
                .orElseGet(() -> new SearchHit(defining.chunkId(), defining.sourceId(), defining.docKey(), defining.title(),
                        defining.url(), defining.headingPath(), defining.text(), defining.score(),
                        Vectors.dot(vector, embedder.embed(defining.text())), defining.bm25Rank(), 0));
        ConfidenceModel.Signals signals = ConfidenceModel.signals(hit, aboutTheForm, shape);
        Scored scored = new Scored(hit, signals, confidence.confidence(signals));
        return new Definition(asked.form(), asked.longForm(), aboutTheForm, scored);
    }

    /**
     * A short form a question asks the meaning of, its long form, the question's terms narrowed to the short form, and the
     * passage that defines it.
     */
    public record Definition(String form, String longForm, QuestionTerms terms, Scored passage) {
    }

    /** A retrieved passage with its confidence signals. */
    public record Scored(SearchHit hit, ConfidenceModel.Signals signals, double confidence) {
    }

    /**
     * What retrieval found for a question.
     *
     * @param definition when the question asks what a short form means, the passage that defines it (else null)
     */
    public record Retrieval(StandaloneQuery query, float[] vector, QuestionTerms terms, ConfidenceModel.QuestionShape shape,
                            List<Scored> passages, Definition definition) {

        /**
         * The passage to answer from: the definition asked for, else the most confident of the top three passages (ties
         * keep the retriever's order); null when none.
         */
        public Scored best() {
            if (definition != null) {
                return definition.passage();
            }
            Scored best = null;
            for (int i = 0; i < Math.min(3, passages.size()); i++) {
                if (best == null || passages.get(i).confidence() > best.confidence() + 0.05) {
                    best = passages.get(i);
                }
            }
            return best;
        }
    }

    /**
     * The answer to a question with the signals its confidence was computed from (null when nothing was retrieved).
     */
    public record Assessment(Answer answer, ConfidenceModel.Signals signals, SearchHit source) {
    }

    /** Answers from an earlier retrieval (the LLM engine falls back to this). */
    public Answer answer(AnswerRequest request, Retrieval retrieval) {
        return assess(request, retrieval).answer();
    }

    /** Answers from an earlier retrieval, with what the confidence rests on (the evaluation fits on it). */
    public Assessment assess(AnswerRequest request, Retrieval retrieval) {
        VoiceSettings voice = voices.get(request.tenant());
        Scored best = retrieval.best();
        if (best == null) {
            return new Assessment(Answer.handoff(voice.frame(NO_KNOWLEDGE_TEXT), 0, HandoffReason.NO_KNOWLEDGE), null, null);
        }
        if (best.signals().coverage() == 0 && best.signals().similarity() < 0.3) {
            return new Assessment(Answer.handoff(voice.frame(NO_KNOWLEDGE_TEXT), best.confidence(), HandoffReason.NO_KNOWLEDGE),
                    best.signals(), best.hit());
        }
        List<Scored> topics = retrieval.definition() != null ? List.of() : AmbiguousTopics.of(retrieval, best);
        if (topics.size() > 1) {
            StringBuilder text = new StringBuilder("I can help with that. Which of these do you mean?");
            List<Citation> citations = new ArrayList<>();
            for (Scored topic : topics) {
                text.append("\n- ").append(AmbiguousTopics.topic(topic.hit()));
                citations.add(citation(topic.hit(), topic.hit().text()));
            }
            return new Assessment(Answer.clarify(voice.frame(text.toString()), best.confidence(), citations), best.signals(), best.hit());
        }
        boolean procedural = procedural(retrieval);
        AnswerType type = retrieval.shape().type();
        Set<String> named = retrieval.terms().named();
        Definition definition = retrieval.definition();
        // a definition asked for is quoted from the passage that gives it, not from one that merely uses the short form
        List<Scored> candidates = definition != null ? List.of(best) : CandidatePassages.of(retrieval, best, procedural, type, named);
        // Without carried turns the retrieval vector is the question's own; a follow-up's own words are embedded once, for
        // the tie-break and the confidence both, and a unit the tie-break read is not read again for the confidence.
        Embedder thisAnswer = new RememberingEmbedder(embedder);
        float[] questionVector = retrieval.query().carried().isEmpty() ? retrieval.vector() : thisAnswer.embed(retrieval.query().question());
        // A terse follow-up ("and yearly?") means little alone: its sentence is chosen as retrieval read it, with the turn
        // it continues; its confidence still asks whether the quote is like its own words (not so "and on iPad?" answered
        // about the iPhone).
        float[] choosingVector = terse(retrieval) ? retrieval.vector() : questionVector;
        PassageSelector.Selection selection = definition != null
                ? PassageSelector.definitionIn(best.hit().text(), definition.form(), definition.longForm())
                : PassageSelector.select(candidates.stream().map(c -> c.hit().text()).toList(),
                        candidates.stream().map(c -> heading(c.hit())).toList(),
                        retrieval.terms(), retrieval.query().question(), type, procedural, choosingVector, thisAnswer);
        Scored source = candidates.get(selection.passage());
        String excerpt = selection.excerpt();
        QuestionTerms judgedOn = definition != null ? definition.terms() : retrieval.terms();
        double excerptCoverage = judgedOn.coverage(Terms.of(source.hit().title() + " " + heading(source.hit()) + " " + excerpt));
        ConfidenceModel.Signals signals = source.signals().withExcerpt(excerptCoverage, !type.carriedBy(excerpt, named),
                excerptSimilarity(questionVector, heading(source.hit()), selection.quote().answering(),
                        StepFocus.of(procedural, retrieval.terms(), type), thisAnswer));
        Answer answer = Answer.answer(voice.frame(excerpt), confidence.confidence(signals), List.of(citation(source.hit(), excerpt)));
        return new Assessment(answer, signals, source.hit());
    }

    /**
     * Cosine of the question and the answering unit that restates it best (the chosen one or its companion), each read
     * as the tie-break between units reads it (under its heading, up to {@value PassageSelector#RESCORE_TOKENS} tokens),
     * so a unit the tie-break compared costs no second model call: this bounds its share of the ask latency
     * (docs/benchmarks.md). The best unit, not the whole quote: a sentence of context around the answer must not make the
     * answer look less like what was asked.
     */
    private static double excerptSimilarity(float[] question, String heading, List<String> answering, StepFocus focus,
                                            Embedder thisAnswer) {
        List<String> texts = answering.stream().map(unit -> focus.asRead(heading, unit)).toList();
        return thisAnswer.embedAll(texts, PassageSelector.RESCORE_TOKENS).stream()
                .mapToDouble(v -> Vectors.dot(question, v)).max().orElse(0);
    }

    /** A how-to question, or a terse follow-up ("and on iPhone?") to one. */
    private static boolean procedural(Retrieval retrieval) {
        StandaloneQuery query = retrieval.query();
        boolean terseFollowUp = terse(retrieval);
        return HowToQuestion.is(query.question())
                || terseFollowUp && retrieval.shape().type() == AnswerType.ANY && HowToQuestion.is(query.carried().getFirst());
    }

    /** A follow-up of at most one content word of its own: "and yearly?", "what about android?". */
    private static boolean terse(Retrieval retrieval) {
        return !retrieval.query().carried().isEmpty() && retrieval.terms().own().size() <= 1;
    }

    private static String heading(SearchHit hit) {
        return hit.headingPath().isEmpty() ? "" : hit.headingPath().getLast();
    }

    private static Citation citation(SearchHit hit, String excerpt) {
        String snippet = excerpt.length() > SNIPPET_CHARS ? excerpt.substring(0, SNIPPET_CHARS) + "…" : excerpt;
        return new Citation(hit.sourceId(), hit.title(), hit.url(), snippet);
    }
}
