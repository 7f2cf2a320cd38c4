package io.resolvehub.admin;

import io.resolvehub.billing.UsageReports;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Overview's chart: coins charged on each of the last {@value #DAYS} days (every channel together), oldest first,
 * a day without charges included as zero, each bar's height a percentage of the busiest day's.
 */
final class UsageChart {

    static final int DAYS = 30;

    /** One day's bar; {@code percent} 0–100. */
    record Bar(String day, long coins, long percent) {
    }

    private UsageChart() {
    }

    static LocalDate firstDay(LocalDate today) {
        return today.minusDays(DAYS - 1);
    }

    static List<Bar> of(LocalDate today, List<UsageReports.Row> rows) {
        Map<LocalDate, Long> perDay = new LinkedHashMap<>();
        for (LocalDate day = firstDay(today); !day.isAfter(today); day = day.plusDays(1)) {
            perDay.put(day, 0L);
        }
        rows.stream().filter(r -> perDay.containsKey(r.day())).forEach(r -> perDay.merge(r.day(), r.coins(), Long::sum));
        long busiest = Math.max(1, perDay.values().stream().mapToLong(Long::longValue).max().orElse(1));
        return perDay.entrySet().stream()
                .map(e -> new Bar(e.getKey().toString(), e.getValue(), 100 * e.getValue() / busiest)).toList();
    }
}
