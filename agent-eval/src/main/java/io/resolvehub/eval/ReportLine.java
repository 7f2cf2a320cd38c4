package io.resolvehub.eval;

import io.resolvehub.agent.answer.ExtractiveAnswerEngine;
import io.resolvehub.core.Answer;
import io.resolvehub.core.Citation;
import tools.jackson.databind.json.JsonMapper;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** One question with its reply and verdict, as a JSON line for reading what went wrong. */
final class ReportLine {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ReportLine() {
    }

    /**
     * @param assessment the agent's own proposal before the hand-off policy, with the confidence signals it was judged on
     *                   (null when the agent was not asked): what any other threshold would have answered, and why
     * @param retrieval  the passages retrieved for it, best first (null when the agent was not asked)
     */
    static String of(EvalSet.Question q, Answer answer, Judge.Verdict verdict, ExtractiveAnswerEngine.Assessment assessment,
                     ExtractiveAnswerEngine.Retrieval retrieval) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("id", q.id());
        line.put("kind", q.kind().name().toLowerCase(java.util.Locale.ROOT));
        line.put("question", q.question());
        line.put("history", q.history().size());
        line.put("correct", verdict.correct());
        line.put("decision", answer.decision().name().toLowerCase(java.util.Locale.ROOT));
        line.put("reason", answer.reason() == null ? null : answer.reason().wire());
        line.put("confidence", Math.round(answer.confidence() * 1000) / 1000.0);
        line.put("citesGold", verdict.citesGold());
        line.put("holdsContent", verdict.holdsContent());
        line.put("cited", answer.citations().stream().map(Citation::url).map(EvalCorpus::docOf).toList());
        line.put("gold", q.goldDocs());
        line.put("text", answer.text());
        line.put("want", q.mustContain().isEmpty() ? q.goldSentences() : q.mustContain());
        if (retrieval != null) {
            // where retrieval put the gold article, and how sure the agent was of each passage: a miss is retrieval's or
            // the sentence choice's
            line.put("retrieved", retrieval.passages().stream().map(p -> String.format(java.util.Locale.ROOT, "%s@%.2f",
                    EvalCorpus.docOf(p.hit().url()), p.confidence())).toList());
        }
        if (assessment != null) {
            Answer proposal = assessment.answer();
            Judge.Verdict proposalVerdict = Judge.judge(q, proposal);
            line.put("proposal", proposal.decision().name().toLowerCase(java.util.Locale.ROOT));
            line.put("proposalConfidence", Math.round(proposal.confidence() * 1000) / 1000.0);
            line.put("proposalRight", proposalVerdict.citesGold() && proposalVerdict.holdsContent());
            if (!proposal.text().equals(answer.text())) {
                line.put("proposalText", proposal.text());
                line.put("proposalCited", proposal.citations().stream().map(Citation::url).map(EvalCorpus::docOf).toList());
            }
            if (assessment.signals() != null) {
                line.put("signals", Arrays.stream(assessment.signals().values()).map(v -> Math.round(v * 1000) / 1000.0).toArray());
            }
        }
        return JSON.writeValueAsString(line);
    }
}
