package io.resolvehub.agent.answer;

import io.resolvehub.agent.answer.ExtractiveAnswerEngine.Scored;

import java.util.Comparator;
import java.util.List;

/**
 * Orders the fused passages by their fused score plus a small share of how much of the question they hold, each word
 * weighted by its rarity in the tenant's knowledge ({@link QuestionTerms#coverage}). Reciprocal-rank fusion keeps only
 * ranks: a passage alone in holding a rare word of the question ("does it work with Mailchimp", "iOS version") ranks
 * first in BM25 by a wide margin, yet a passage the vector search ranks first and BM25 second, which lacks the word,
 * outscores it. Both backends fuse the same way, so this reordering, done after fusion, holds for both.
 */
final class WordEvidence {

    /**
     * What holding every word of the question is worth, in fused score: about the gap between ranks 1 and 35 of one
     * list ({@code 1/61 - 1/96}), so it reorders passages fusion put close together and never lifts a passage one list
     * alone found over one both lists rank high. Chosen on the development sets, in the middle of the range that lost
     * nothing (0.004 to 0.008; 0.012 lost answers on helpcenter4 and clapnq; docs/evaluation.md).
     */
    static final double WEIGHT = 0.006;

    private WordEvidence() {
    }

    /** The passages, best first by fused score plus {@link #WEIGHT} times their coverage of the question. */
    static List<Scored> ordered(List<Scored> fused) {
        return fused.stream().sorted(Comparator.comparingDouble(WordEvidence::score).reversed()).toList();
    }

    private static double score(Scored s) {
        return s.hit().score() + WEIGHT * s.signals().coverage();
    }
}
