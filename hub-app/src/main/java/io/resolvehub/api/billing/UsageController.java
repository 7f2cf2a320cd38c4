package io.resolvehub.api.billing;

import io.resolvehub.api.TenantAccess;
import io.resolvehub.billing.BillingProperties;
import io.resolvehub.billing.UsageReports;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** Resolutions and coins per day and channel; {@code from}/{@code to} default to the last 30 days. */
@RestController
class UsageController {

    record DayView(String day, String channel, long resolutions, long coins, long refunds, long refundedCoins) {
    }

    record TotalsView(long resolutions, long coins, long refunds, long refundedCoins) {
    }

    record UsageView(String from, String to, List<DayView> days, TotalsView totals) {
    }

    private final TenantAccess access;
    private final UsageReports usage;
    private final BillingProperties properties;

    UsageController(TenantAccess access, UsageReports usage, BillingProperties properties) {
        this.access = access;
        this.usage = usage;
        this.properties = properties;
    }

    @GetMapping("/api/v1/tenants/{tenant}/usage")
    UsageView usage(@PathVariable String tenant, @RequestParam(required = false) String from,
                    @RequestParam(required = false) String to) {
        var id = access.require(tenant);
        LocalDate today = LocalDate.now(Clock.system(properties.zone()));
        LocalDate end = DayRange.parse("to", to, today);
        var range = DayRange.of(from, to, end.minusDays(29), today);
        var report = usage.usage(id, range.from(), range.to());
        var t = report.totals();
        return new UsageView(report.from().toString(), report.to().toString(),
                report.days().stream().map(r -> new DayView(r.day().toString(), r.channel(), r.resolutions(),
                        r.coins(), r.refunds(), r.refundedCoins())).toList(),
                new TotalsView(t.resolutions(), t.coins(), t.refunds(), t.refundedCoins()));
    }
}
