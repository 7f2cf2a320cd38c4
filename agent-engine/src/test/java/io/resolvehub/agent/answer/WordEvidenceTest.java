package io.resolvehub.agent.answer;

import io.resolvehub.agent.SearchHit;
import io.resolvehub.agent.answer.ExtractiveAnswerEngine.Scored;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WordEvidenceTest {

    @Test
    void ofTwoPassagesFusionPutCloseTogetherTheOneHoldingMoreOfTheQuestionComesFirst() {
        // "does it work with Mailchimp": the integrations FAQ is BM25's first (the only passage naming Mailchimp) but eighth
        // for the vectors; the getting-started page is second and first, and names no Mailchimp
        Scored gettingStarted = scored("getting-started", 1.0 / 62 + 1.0 / 61, 0.2);
        Scored faq = scored("faq", 1.0 / 61 + 1.0 / 68, 1.0);

        assertThat(WordEvidence.ordered(List.of(gettingStarted, faq))).extracting(s -> s.hit().docKey())
                .containsExactly("faq", "getting-started");
    }

    @Test
    void aPassageFarBelowIsNotLiftedByItsWordsAlone() {
        Scored top = scored("top", 1.0 / 61 + 1.0 / 61, 0.3);
        Scored far = scored("far", 1.0 / 70, 1.0);   // in one list only, tenth

        assertThat(WordEvidence.ordered(List.of(far, top))).extracting(s -> s.hit().docKey()).containsExactly("top", "far");
    }

    @Test
    void passagesHoldingTheSameShareKeepTheirFusedOrder() {
        Scored first = scored("first", 0.030, 0.5);
        Scored second = scored("second", 0.029, 0.5);

        assertThat(WordEvidence.ordered(List.of(first, second))).extracting(s -> s.hit().docKey()).containsExactly("first", "second");
    }

    private static Scored scored(String doc, double fused, double coverage) {
        SearchHit hit = new SearchHit(doc + "-1", "s1", doc, doc, null, List.of(), "text of " + doc, fused, 0.5, 1, 1);
        ConfidenceModel.Signals signals = new ConfidenceModel.Signals(0.5, coverage, 1, 0, 0, 0, coverage, 0, 0.5);
        return new Scored(hit, signals, 0.5);
    }
}
