package io.resolvehub.admin;

import io.resolvehub.billing.UsageReports.Row;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Overview's 30-day chart from billing's usage rows (one per day and channel). */
class UsageChartTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

    private static Row row(LocalDate day, String channel, long coins) {
        return new Row(day, channel, coins, coins, 0, 0);
    }

    @Test
    void hasThirtyDaysOldestFirstWithQuietDaysAtZero() {
        List<UsageChart.Bar> bars = UsageChart.of(TODAY, List.of(row(TODAY.minusDays(3), "slack", 5)));

        assertThat(bars).hasSize(30);
        assertThat(bars.getFirst().day()).isEqualTo("2026-11-05");
        assertThat(bars.getLast().day()).isEqualTo("2026-12-04");
        assertThat(bars).filteredOn(b -> b.coins() > 0).singleElement()
                .isEqualTo(new UsageChart.Bar("2026-12-01", 5, 100));
    }

    @Test
    void addsTheChannelsOfADayAndScalesToTheBusiestDay() {
        List<UsageChart.Bar> bars = UsageChart.of(TODAY, List.of(
                row(TODAY, "slack", 30), row(TODAY, "teams", 10), row(TODAY.minusDays(1), "web", 10),
                row(TODAY.minusDays(29), "zendesk", 3)));

        assertThat(bars.getLast()).isEqualTo(new UsageChart.Bar("2026-12-04", 40, 100));
        assertThat(bars.get(28)).isEqualTo(new UsageChart.Bar("2026-12-03", 10, 25));
        assertThat(bars.getFirst()).isEqualTo(new UsageChart.Bar("2026-11-05", 3, 7));
    }

    @Test
    void ignoresRowsOutsideTheWindowAndDrawsNothingWithoutCharges() {
        List<UsageChart.Bar> bars = UsageChart.of(TODAY, List.of(row(TODAY.minusDays(30), "slack", 500),
                row(TODAY.plusDays(1), "slack", 500)));

        assertThat(bars).hasSize(30).allSatisfy(b -> assertThat(b.coins()).isZero())
                .allSatisfy(b -> assertThat(b.percent()).isZero());
    }
}
