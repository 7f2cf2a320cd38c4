package io.resolvehub.api.knowledge;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.resolvehub.core.Answer;
import io.resolvehub.core.Citation;

import java.util.List;

/** The Answer on the wire: {@code url} and {@code reason} are left out when absent. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AnswerJson(String decision, String text, double confidence, List<CitationJson> citations, String reason) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CitationJson(String sourceId, String title, String url, String snippet) {
        static CitationJson of(Citation c) {
            return new CitationJson(c.sourceId(), c.title(), c.url(), c.snippet());
        }
    }

    public static AnswerJson of(Answer answer) {
        return new AnswerJson(answer.decision().wire(), answer.text(), Math.round(answer.confidence() * 1000) / 1000.0,
                answer.citations().stream().map(CitationJson::of).toList(),
                answer.reason() == null ? null : answer.reason().wire());
    }
}
