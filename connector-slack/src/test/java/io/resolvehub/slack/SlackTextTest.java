package io.resolvehub.slack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SlackTextTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '"', value = {
            "**bold** and __bold__ => *bold* and *bold*",
            "*italic* and _italic_ => _italic_ and _italic_",
            "~~gone~~ => ~gone~",
            "## Reset your password => *Reset your password*",
            "- first step => • first step",
            "  * nested step =>   • nested step",
            "1. numbered stays => 1. numbered stays",
            "see [the guide](https://help.example.com/guide?a=1&b=2) now => see <https://help.example.com/guide?a=1&b=2|the guide> now",
            "[bad](javascript:alert(1)) => bad)",
            "use `<!here>` in code => use `&lt;!here&gt;` in code",
            "Tom & Jerry < 3 > 2 => Tom &amp; Jerry &lt; 3 &gt; 2",
    })
    void convertsMarkdownToMrkdwn(String markdown, String mrkdwn) {
        assertThat(SlackText.markdownToMrkdwn(markdown.strip())).isEqualTo(mrkdwn.strip());
    }

    @ParameterizedTest
    @ValueSource(strings = {"<!channel>", "<!here>", "<!here|here>", "<!everyone>", "<@U0BOSS>", "<@W0BOSS|boss>",
            "<#C0GENERAL>", "<#C0GENERAL|general>", "<!subteam^S0ADMINS>", "<!subteam^S0ADMINS|@admins>",
            "<!date^1392734382^{date}|Feb 18>", "<https://evil.example.com|innocent>"})
    void documentControlSequencesAreShownAsTextNotParsed(String sequence) {
        String out = SlackText.markdownToMrkdwn("Before " + sequence + " after");

        assertThat(out).doesNotContain("<").doesNotContain(">").contains("&lt;").contains("&gt;");
    }

    @ParameterizedTest
    @ValueSource(strings = {"@here", "@channel", "@everyone", "@Here"})
    void broadcastWordsCannotBecomeMentions(String word) {
        assertThat(SlackText.neutralize("hello " + word + " team")).doesNotContain(word).contains(word.substring(1));
    }

    @Test
    void linksInCitationsKeepTheirTargetButNotTheirLabelsControlCharacters() {
        assertThat(SlackText.link("https://help.example.com/x", "A <!here> | B"))
                .isEqualTo("<https://help.example.com/x|A &lt;!here&gt; \u2758 B>");
        assertThat(SlackText.link("https://help.example.com/a|b", "t")).isEqualTo("t");
    }

    @Test
    void splitsAtParagraphsAndKeepsEveryPieceUnderTheLimit() {
        String paragraph = "word ".repeat(100).strip();
        String text = String.join("\n\n", List.of(paragraph, paragraph, paragraph));

        List<String> pieces = SlackText.split(text, 600);

        assertThat(pieces).hasSize(3).allSatisfy(p -> assertThat(p).isEqualTo(paragraph));
        assertThat(String.join("", SlackText.split("x".repeat(7000), 3000))).hasSize(7000);
        assertThat(SlackText.split("x".repeat(7000), 3000)).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(3000));
    }

    @Test
    void aHardSplitNeverCutsAnEscapedCharacterInHalf() {
        String text = "a".repeat(2998) + "&amp;" + "b".repeat(10);

        List<String> pieces = SlackText.split(text, 3000);

        assertThat(pieces.getFirst()).endsWith("a");
        assertThat(pieces.get(1)).startsWith("&amp;");
    }

    @Test
    void slackMessageTextIsReadAsThePersonWroteIt() {
        String encoded = "<@U0HUBBOT> can <@U0ANNA|anna> see <#C0DOCS|docs> and <https://x.example.com|this> &amp; <!here>?";

        assertThat(SlackEventTranslator.plainText(encoded, "U0HUBBOT"))
                .isEqualTo("can @anna see #docs and this (https://x.example.com) & @here?");
    }
}
