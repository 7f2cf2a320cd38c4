package io.resolvehub.core.channel;

import java.util.List;
import java.util.Objects;

/**
 * A report the hub posts to a tenant's team rather than to a customer (the insights digest): a title, a one-line
 * summary and sections of facts and lines, in plain text (no markup; connectors escape it). Each channel renders it
 * natively (Block Kit in Slack, an Adaptive Card in Teams).
 *
 * @param title   e.g. "Weekly digest for Acme"
 * @param summary one sentence under the title
 */
public record Report(String title, String summary, List<Section> sections) {

    public Report {
        Objects.requireNonNull(title, "title");
        summary = summary == null ? "" : summary;
        sections = sections == null ? List.of() : List.copyOf(sections);
    }

    /** Plain text of the whole report, for notifications and text-only readers. */
    public String plainText() {
        StringBuilder text = new StringBuilder(title).append('\n');
        if (!summary.isEmpty()) {
            text.append(summary).append('\n');
        }
        for (Section section : sections) {
            text.append('\n').append(section.heading()).append('\n');
            section.facts().forEach(f -> text.append(f.name()).append(": ").append(f.value()).append('\n'));
            section.lines().forEach(line -> text.append("- ").append(line).append('\n'));
        }
        return text.toString();
    }

    /**
     * One part of a report.
     *
     * @param facts name/value pairs shown side by side (e.g. "Resolutions" / "26")
     * @param lines list items, in order
     */
    public record Section(String heading, List<Fact> facts, List<String> lines) {

        public Section {
            Objects.requireNonNull(heading, "heading");
            facts = facts == null ? List.of() : List.copyOf(facts);
            lines = lines == null ? List.of() : List.copyOf(lines);
        }
    }

    public record Fact(String name, String value) {
    }
}
