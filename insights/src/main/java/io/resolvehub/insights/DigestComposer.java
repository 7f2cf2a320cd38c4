package io.resolvehub.insights;

import io.resolvehub.core.channel.Report;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes the digest from a period's insights and the coin meter: the top topics, the new and rising ones, the gaps
 * with examples, resolutions, hand-offs and rate, coins spent and the days the balance lasts at this burn, and the
 * low-balance alert when there is one. A period without conversations gets a short "quiet" digest.
 */
final class DigestComposer {

    private static final int TOP_TOPICS = 5;
    private static final int GAPS = 3;
    private static final int GAP_EXAMPLES = 3;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);

    /** The coin meter's state when the digest is written. */
    record Coins(long available, boolean low) {
    }

    Report compose(String tenantName, InsightsReport insights, Coins coins, ZoneId zone) {
        Duration length = Duration.between(insights.from(), insights.to());
        String period = length.toDays() <= 1 ? "Daily" : length.toDays() == 7 ? "Weekly" : "Your";
        String range = DAY.format(insights.from().atZone(zone)) + " \u2013 " + DAY.format(insights.to().atZone(zone));
        String title = period + " digest for " + tenantName + ", " + range;
        InsightsReport.Totals totals = insights.totals();
        List<Report.Section> sections = new ArrayList<>();
        String summary;
        if (insights.quiet()) {
            summary = "A quiet " + (length.toDays() <= 1 ? "day" : "week") + ": no customer conversations from "
                    + range + ". Nothing needs your attention in the docs.";
        } else {
            summary = totals.conversations() + plural(totals.conversations(), " conversation", " conversations") + ": "
                    + totals.resolved() + " resolved by the AI, " + totals.handedOff() + " handed to a person.";
            sections.add(topics(insights));
            List<String> moving = insights.topics().stream()
                    .filter(t -> t.trend() == Trend.NEW || t.trend() == Trend.RISING)
                    .map(t -> t.label() + " \u2014 " + t.count() + " (" + t.trend().wire() + ")").toList();
            if (!moving.isEmpty()) {
                sections.add(new Report.Section("New and rising", List.of(), moving));
            }
            if (!insights.gaps().isEmpty()) {
                sections.add(gaps(insights, length));
            }
        }
        sections.add(numbers(totals, coins, length));
        if (coins.low()) {
            sections.add(new Report.Section("Low balance", List.of(), List.of("Only " + coins.available()
                    + " coins are available, below your alert level. At zero, new conversations go straight to a"
                    + " person: top up on the Billing page.")));
        }
        return new Report(title, summary, sections);
    }

    private static Report.Section topics(InsightsReport insights) {
        List<String> lines = insights.topics().stream().limit(TOP_TOPICS)
                .map(t -> t.label() + " \u2014 " + t.count() + plural(t.count(), " question", " questions")
                        + ", " + t.resolved() + " resolved (" + t.trend().wire() + ")")
                .toList();
        return new Report.Section("Top topics", List.of(), lines);
    }

    private static Report.Section gaps(InsightsReport insights, Duration length) {
        String when = length.toDays() <= 1 ? "today" : length.toDays() == 7 ? "this week" : "in this period";
        List<String> lines = new ArrayList<>();
        for (InsightsReport.Gap gap : insights.gaps().stream().limit(GAPS).toList()) {
            String closest = gap.closestSource() == null ? "no article comes close"
                    : "closest article: " + gap.closestSource().title();
            lines.add(gap.count() + plural(gap.count(), " person ", " people ") + when + " could not get an answer about "
                    + gap.label() + "; " + closest + ". For example: "
                    + String.join(" / ", gap.examples().stream().limit(GAP_EXAMPLES).map(e -> "\u201c" + e + "\u201d").toList()));
        }
        return new Report.Section("Content gaps", List.of(), lines);
    }

    private static Report.Section numbers(InsightsReport.Totals totals, Coins coins, Duration length) {
        List<Report.Fact> facts = new ArrayList<>();
        facts.add(new Report.Fact("Resolutions", String.valueOf(totals.resolved())));
        facts.add(new Report.Fact("Hand-offs", String.valueOf(totals.handedOff())));
        facts.add(new Report.Fact("Resolution rate", totals.resolved() + totals.handedOff() == 0 ? "\u2013"
                : Math.round(totals.resolutionRate() * 100) + "%"));
        facts.add(new Report.Fact("Coins spent", String.valueOf(totals.coinsSpent())));
        facts.add(new Report.Fact("Coins available", String.valueOf(coins.available())));
        facts.add(new Report.Fact("Balance lasts", daysLeft(totals.coinsSpent(), coins.available(), length)));
        return new Report.Section("Numbers", facts, List.of());
    }

    /** Days of balance left at this period's burn. */
    static String daysLeft(long spent, long available, Duration length) {
        double days = Math.max(1, length.toHours()) / 24.0;
        if (spent <= 0) {
            return "no coins spent";
        }
        long left = (long) Math.floor(available / (spent / days));
        return "about " + left + plural(left, " day", " days") + " at this rate";
    }

    private static String plural(long count, String one, String many) {
        return count == 1 ? one : many;
    }
}
