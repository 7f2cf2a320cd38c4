package io.resolvehub.billing;

import io.resolvehub.core.TenantId;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Usage per day and channel ({@code /usage}): resolutions charged and their coins, refunds and theirs.
 * Days are calendar days in {@code hub.billing.zone}; a refund counts on the day it was made.
 */
public class UsageReports {

    /** Longest range one report covers. */
    public static final int MAX_DAYS = 366;

    private final LedgerEntries ledger;
    private final ZoneId zone;

    public UsageReports(JdbcClient jdbc, ZoneId zone) {
        this.ledger = new LedgerEntries(jdbc);
        this.zone = zone;
    }

    /** One day and channel of usage. */
    public record Row(LocalDate day, String channel, long resolutions, long coins, long refunds, long refundedCoins) {
    }

    /** The report for {@code from..to}, both days included; {@code totals} sums every row. */
    public record Report(LocalDate from, LocalDate to, List<Row> days, Row totals) {
    }

    /** @throws BillingException.Invalid when {@code from} is after {@code to} or the range is over {@value #MAX_DAYS} days */
    public Report usage(TenantId tenant, LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw new BillingException.Invalid("from (" + from + ") must not be after to (" + to + ")");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new BillingException.Invalid("a usage report covers at most " + MAX_DAYS + " days; narrow from/to");
        }
        Map<LocalDate, Map<String, long[]>> cells = new TreeMap<>();
        var entries = ledger.ofTypes(tenant.value(), from.atStartOfDay(zone).toInstant(),
                to.plusDays(1).atStartOfDay(zone).toInstant(), EntryType.CHARGE, EntryType.REFUND);
        for (LedgerEntry entry : entries) {
            long[] cell = cells.computeIfAbsent(LocalDate.ofInstant(entry.at(), zone), d -> new TreeMap<>())
                    .computeIfAbsent(entry.channel() == null ? "unknown" : entry.channel(), c -> new long[4]);
            int offset = entry.type() == EntryType.CHARGE ? 0 : 2;
            cell[offset]++;
            cell[offset + 1] += entry.coins();
        }
        List<Row> rows = cells.entrySet().stream()
                .flatMap(day -> day.getValue().entrySet().stream().map(channel -> new Row(day.getKey(),
                        channel.getKey(), channel.getValue()[0], channel.getValue()[1], channel.getValue()[2],
                        channel.getValue()[3])))
                .sorted(Comparator.comparing(Row::day).thenComparing(Row::channel))
                .toList();
        Row totals = new Row(null, null, rows.stream().mapToLong(Row::resolutions).sum(),
                rows.stream().mapToLong(Row::coins).sum(), rows.stream().mapToLong(Row::refunds).sum(),
                rows.stream().mapToLong(Row::refundedCoins).sum());
        return new Report(from, to, rows, totals);
    }
}
