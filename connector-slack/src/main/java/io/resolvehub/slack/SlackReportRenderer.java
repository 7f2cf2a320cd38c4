package io.resolvehub.slack;

import com.slack.api.model.block.DividerBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.composition.TextObject;
import io.resolvehub.core.channel.Report;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders a {@link Report} (the insights digest) as one Block Kit message: a header, the summary, and per section a
 * divider, the heading with its facts as fields, and its lines as a bulleted list. Everything is neutralised: the
 * lines quote customers' questions, which must never ping anyone.
 *
 * @see <a href="https://api.slack.com/reference/block-kit/blocks">Block Kit blocks</a>
 */
final class SlackReportRenderer {

    /** Slack's limits: header text 150 characters, ten fields per section. */
    private static final int HEADER_LIMIT = 150;
    private static final int FIELDS_LIMIT = 10;

    SlackMessageRenderer.SlackMessage render(Report report) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(HeaderBlock.builder().text(PlainTextObject.builder()
                .text(abbreviate(report.title(), HEADER_LIMIT)).emoji(true).build()).build());
        if (!report.summary().isBlank()) {
            blocks.add(section(SlackText.neutralize(report.summary())));
        }
        for (Report.Section section : report.sections()) {
            blocks.add(DividerBlock.builder().build());
            List<TextObject> fields = section.facts().stream().limit(FIELDS_LIMIT)
                    .map(f -> (TextObject) MarkdownTextObject.builder()
                            .text("*" + SlackText.neutralize(f.name()) + "*\n" + SlackText.neutralize(f.value())).build())
                    .toList();
            SectionBlock.SectionBlockBuilder heading = SectionBlock.builder()
                    .text(MarkdownTextObject.builder().text("*" + SlackText.neutralize(section.heading()) + "*").build());
            if (!fields.isEmpty()) {
                heading.fields(fields);
            }
            blocks.add(heading.build());
            if (!section.lines().isEmpty()) {
                StringBuilder lines = new StringBuilder();
                section.lines().forEach(line -> lines.append("\u2022 ").append(SlackText.neutralize(line)).append('\n'));
                SlackText.split(lines.toString().strip(), SlackText.SECTION_LIMIT).forEach(part -> blocks.add(section(part)));
            }
        }
        return new SlackMessageRenderer.SlackMessage(abbreviate(SlackText.neutralize(report.title() + ": "
                + report.summary()), 3000), blocks);
    }

    private static SectionBlock section(String mrkdwn) {
        return SectionBlock.builder().text(MarkdownTextObject.builder().text(mrkdwn).build()).build();
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "\u2026";
    }
}
