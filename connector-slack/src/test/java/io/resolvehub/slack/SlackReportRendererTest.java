package io.resolvehub.slack;

import com.google.gson.Gson;
import com.slack.api.util.json.GsonFactory;
import io.resolvehub.core.channel.Report;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SlackReportRendererTest {

    private static final Gson GSON = GsonFactory.createSnakeCase();

    @Test
    void rendersAHeaderTheSummaryAndEachSectionWithItsFactsAsFields() {
        Report digest = new Report("Weekly digest for Acme", "36 conversations: 26 resolved.", List.of(
                new Report.Section("Numbers", List.of(new Report.Fact("Resolutions", "26"),
                        new Report.Fact("Hand-offs", "10")), List.of()),
                new Report.Section("Top topics", List.of(), List.of("password, reset \u2014 13", "pdf, note \u2014 13"))));

        SlackMessageRenderer.SlackMessage message = new SlackReportRenderer().render(digest);
        String blocks = GSON.toJson(message.blocks());

        assertThat(message.blocks().getFirst().getType()).isEqualTo("header");
        assertThat(blocks).contains("Weekly digest for Acme").contains("*Numbers*").contains("*Resolutions*\\n26")
                .contains("\u2022 password, reset \u2014 13\\n\u2022 pdf, note \u2014 13").contains("\"type\":\"divider\"");
        assertThat(message.text()).startsWith("Weekly digest for Acme: 36 conversations");
    }

    @Test
    void aQuotedQuestionPingsNobody() {
        Report digest = new Report("Digest", "", List.of(new Report.Section("Content gaps", List.of(),
                List.of("asked: <!channel> why is @here down <@U123>"))));

        String lines = new SlackReportRenderer().render(digest).blocks().stream()
                .filter(b -> b instanceof com.slack.api.model.block.SectionBlock).map(b ->
                        ((com.slack.api.model.block.SectionBlock) b).getText().getText()).reduce("", String::concat);

        assertThat(lines).contains("&lt;!channel&gt;").contains("&lt;@U123&gt;").doesNotContain("<!channel>")
                .doesNotContain("@here ");
    }
}
