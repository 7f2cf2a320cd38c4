package io.resolvehub.insights;

import io.resolvehub.core.channel.Report;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DigestComposerTest {

    private static final Instant TO = Instant.parse("2026-12-07T08:00:00Z");
    private static final Instant FROM = TO.minus(Duration.ofDays(7));

    @Test
    void aWeekWithConversationsNamesTopicsGapsAndTheNumbers() {
        InsightsReport week = new InsightsReport(FROM, TO, new InsightsReport.Totals(36, 26, 10, 0.722, 28),
                List.of(new InsightsReport.Topic(1, "password, reset", 13, 13, 0, Trend.STEADY, List.of("reset password")),
                        new InsightsReport.Topic(3, "api, key, rotate", 10, 0, 10, Trend.NEW, List.of("rotate api key"))),
                List.of(new InsightsReport.Gap(3, "api, key, rotate", 6, List.of("rotate api key", "new API key"),
                        new KnowledgeLookup.SourceRef("src-1", "API keys"))));

        Report digest = new DigestComposer().compose("Acme", week, new DigestComposer.Coins(200, false), ZoneId.of("UTC"));
        String text = digest.plainText();

        assertThat(digest.title()).isEqualTo("Weekly digest for Acme, Nov 30 \u2013 Dec 7");
        assertThat(text).contains("36 conversations: 26 resolved by the AI, 10 handed to a person.")
                .contains("password, reset \u2014 13 questions, 13 resolved (steady)")
                .contains("New and rising\n- api, key, rotate \u2014 10 (new)")
                .contains("6 people this week could not get an answer about api, key, rotate; closest article: API keys."
                        + " For example: \u201crotate api key\u201d / \u201cnew API key\u201d")
                .contains("Resolution rate: 72%").contains("Coins spent: 28")
                .contains("Balance lasts: about 50 days at this rate") // 28 coins in 7 days = 4 a day; 200 / 4
                .doesNotContain("Low balance");
    }

    @Test
    void aQuietWeekGetsAShortDigestWithTheBalanceAndAnyLowBalanceAlert() {
        InsightsReport quiet = new InsightsReport(FROM, TO, new InsightsReport.Totals(0, 0, 0, 0, 0), List.of(), List.of());

        Report digest = new DigestComposer().compose("Acme", quiet, new DigestComposer.Coins(12, true), ZoneId.of("UTC"));

        assertThat(digest.summary()).startsWith("A quiet week: no customer conversations");
        assertThat(digest.sections()).extracting(Report.Section::heading).containsExactly("Numbers", "Low balance");
        assertThat(digest.plainText()).contains("Balance lasts: no coins spent").contains("Only 12 coins are available");
    }
}
