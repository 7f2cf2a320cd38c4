package io.resolvehub.api.insights;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.resolvehub.insights.InsightsReport;

import java.time.Instant;
import java.util.List;

/** The insights report as the API shows it (docs/api.md, "Insights"). */
record InsightsJson(Instant from, Instant to, Totals totals, List<Topic> topics, List<Gap> gaps) {

    record Totals(long conversations, long resolved, long handedOff, double resolutionRate, long coinsSpent) {
    }

    record Topic(long id, String label, int count, int resolved, int handedOff, String trend, List<String> examples) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Gap(long id, String label, int count, List<String> examples, Source closestSource) {
    }

    record Source(String id, String title) {
    }

    static InsightsJson of(InsightsReport report) {
        var t = report.totals();
        return new InsightsJson(report.from(), report.to(),
                new Totals(t.conversations(), t.resolved(), t.handedOff(), t.resolutionRate(), t.coinsSpent()),
                report.topics().stream().map(topic -> new Topic(topic.id(), topic.label(), topic.count(), topic.resolved(),
                        topic.handedOff(), topic.trend().wire(), topic.examples())).toList(),
                report.gaps().stream().map(gap -> new Gap(gap.id(), gap.label(), gap.count(), gap.examples(),
                        gap.closestSource() == null ? null
                                : new Source(gap.closestSource().id(), gap.closestSource().title()))).toList());
    }
}
