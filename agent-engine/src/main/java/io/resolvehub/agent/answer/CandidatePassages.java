package io.resolvehub.agent.answer;

import io.resolvehub.agent.SearchHit;
import io.resolvehub.agent.answer.ExtractiveAnswerEngine.Retrieval;
import io.resolvehub.agent.answer.ExtractiveAnswerEngine.Scored;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The retrieved passages the answer's sentence is chosen from. */
final class CandidatePassages {

    private static final Pattern STEP_LINE = Pattern.compile("(?m)^\\s*\\d{1,3}[.)]\\s+");

    private CandidatePassages() {
    }

    /**
     * The passages a sentence may be chosen from: the best one, those close to it in confidence, and from the best one's
     * own article the step lists for a "how do I…" question and a section holding the kind of value asked for.
     */
    static List<Scored> of(Retrieval retrieval, Scored best, boolean procedural, AnswerType type, Set<String> named) {
        List<Scored> candidates = new ArrayList<>();
        candidates.add(best);
        for (Scored s : retrieval.passages().subList(0, Math.min(5, retrieval.passages().size()))) {
            boolean duplicate = candidates.stream().anyMatch(c -> c.hit().text().equals(s.hit().text()));
            if (!duplicate && s.confidence() >= best.confidence() - 0.15 && candidates.size() < 4) {
                candidates.add(s);
            }
        }
        if (procedural) {
            // "how do I…" is answered by steps: every step list of the best passage's own article near the top joins the
            // candidates, so the question's qualifier ("I pay through the iPhone app") picks between the article's sections
            retrieval.passages().stream().limit(5)
                    .filter(p -> hasSteps(p.hit()) && sameArticle(p.hit(), best.hit()) && !candidates.contains(p))
                    .forEach(candidates::add);
        }
        if (type != AnswerType.ANY && candidates.stream().noneMatch(c -> type.carriedBy(c.hit().text(), named))) {
            // "how many backup codes do I get?" is answered by the value: the section of the same article that holds one
            retrieval.passages().stream().limit(5)
                    .filter(p -> type.carriedBy(p.hit().text(), named) && sameArticle(p.hit(), best.hit()))
                    .findFirst().ifPresent(candidates::add);
        }
        return candidates;
    }

    private static boolean sameArticle(SearchHit a, SearchHit b) {
        return a.docKey().equals(b.docKey()) && a.sourceId().equals(b.sourceId());
    }

    private static boolean hasSteps(SearchHit hit) {
        return STEP_LINE.matcher(hit.text()).find();
    }
}
