package io.resolvehub.teams;

import com.microsoft.bot.schema.Activity;
import io.resolvehub.core.Answer;
import io.resolvehub.core.Citation;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TeamsMessageRendererTest {

    private final TeamsMessageRenderer renderer = new TeamsMessageRenderer();

    @Test
    void documentTextCannotMentionAnyone() {
        Activity activity = renderer.render(Answer.answer("Ask <at>Everyone</at> or <AT id=\"0\">Casey</AT>", 0.9, List.of()), false).getFirst();

        assertThat(activity.getText()).doesNotContainIgnoringCase("<at").contains("&lt;at>Everyone&lt;/at>");
    }

    @Test
    void listsEachSourceOnceAsALink() {
        Citation page = new Citation("s1", "Export [beta]", "https://help.example.com/export", "x");
        Citation untitled = new Citation("s2", null, null, "y");

        String text = renderer.render(Answer.answer("Use File > Export.", 0.9, List.of(page, page, untitled)), true)
                .getFirst().getText();

        assertThat(text).contains("**Sources**", "- [Export (beta)](https://help.example.com/export)", "- Untitled document");
        assertThat(text.indexOf("help.example.com/export")).isEqualTo(text.lastIndexOf("help.example.com/export"));
    }

    @Test
    void splitsALongAnswerAtParagraphsWithSourcesAndButtonsOnTheLastMessageOnlyEachUnderTheTeamsSizeLimit() {
        String paragraph = "\u8FD9\u662F\u4E00\u4E2A\u5F88\u957F\u7684\u56DE\u7B54\u3002".repeat(300); // 3 bytes per character in UTF-8
        String text = String.join("\n\n", paragraph, paragraph, paragraph, paragraph, paragraph, paragraph);
        Citation source = new Citation("s1", "Guide", "https://help.example.com/guide", "x");

        List<Activity> parts = renderer.render(Answer.answer(text, 0.9, List.of(source)), true);

        assertThat(parts).hasSizeGreaterThan(1);
        assertThat(String.join("\n\n", parts.stream().map(Activity::getText).toList())).startsWith(text);
        for (Activity part : parts) {
            assertThat(part.getText().getBytes(StandardCharsets.UTF_8).length).isLessThan(22_000);
            assertThat(part.getText()).doesNotStartWith("\n").doesNotEndWith("\n\n");
        }
        assertThat(parts.subList(0, parts.size() - 1)).allSatisfy(p -> {
            assertThat(p.getAttachments()).isNullOrEmpty();
            assertThat(p.getText()).doesNotContain("**Sources**");
        });
        assertThat(parts.getLast().getAttachments()).singleElement()
                .satisfies(card -> assertThat(card.getContentType()).isEqualTo(TeamsMessageRenderer.ADAPTIVE_CARD));
        assertThat(parts.getLast().getText()).contains("[Guide](https://help.example.com/guide)");
    }

    @Test
    void splitsTextWithoutSpacesAtTheLimitWithoutBreakingASurrogatePair() {
        String emoji = "\uD83D\uDE00";
        String text = "a" + emoji.repeat(10);

        List<String> pieces = TeamsMessageRenderer.split(text, 4);

        assertThat(String.join("", pieces)).isEqualTo(text);
        assertThat(pieces).allSatisfy(p -> {
            assertThat(p.length()).isLessThanOrEqualTo(4);
            assertThat(Character.isHighSurrogate(p.charAt(p.length() - 1))).isFalse();
        });
    }
}
