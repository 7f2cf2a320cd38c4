package io.resolvehub.admin;

import io.resolvehub.api.TenantAccess;
import io.resolvehub.billing.BillingProperties;
import io.resolvehub.billing.Ledger;
import io.resolvehub.billing.UsageReports;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.conversation.ConversationInbox;
import io.resolvehub.core.conversation.InboxItem;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Overview: available coins, this week's resolutions, hand-offs, resolution rate and coins spent, a 30-day chart. */
@Controller
@AdminPage
class OverviewPage {

    private final TenantAccess access;
    private final Ledger ledger;
    private final UsageReports usage;
    private final ConversationInbox inbox;
    private final BillingProperties properties;

    OverviewPage(TenantAccess access, Ledger ledger, UsageReports usage, ConversationInbox inbox,
                 BillingProperties properties) {
        this.access = access;
        this.ledger = ledger;
        this.usage = usage;
        this.inbox = inbox;
        this.properties = properties;
    }

    @GetMapping("/t/{tenant}/")
    String page(@PathVariable String tenant, Model model) {
        TenantId id = access.require(tenant);
        LocalDate today = LocalDate.now(properties.zone());
        var week = usage.usage(id, today.minusDays(6), today).totals();
        Instant weekAgo = Instant.now().minus(7, ChronoUnit.DAYS);
        List<InboxItem> recent = inbox.list(id, null, null, false, 1000).stream()
                .filter(i -> i.updatedAt().isAfter(weekAgo)).toList();
        long handoffs = recent.stream().filter(i -> i.handoffReason() != null).count();
        long decided = week.resolutions() + handoffs;
        model.addAttribute("balance", ledger.balance(id));
        model.addAttribute("resolutions", week.resolutions());
        model.addAttribute("handoffs", handoffs);
        model.addAttribute("rate", decided == 0 ? "–" : Math.round(100.0 * week.resolutions() / decided) + "%");
        model.addAttribute("coinsSpent", week.coins() - week.refundedCoins());
        model.addAttribute("waiting", recent.stream().filter(i -> i.status().wire().equals("escalated")).count());
        List<UsageChart.Bar> chart = UsageChart.of(today, usage.usage(id, UsageChart.firstDay(today), today).days());
        model.addAttribute("chart", chart);
        model.addAttribute("anyUsage", chart.stream().anyMatch(bar -> bar.coins() > 0));
        return "overview";
    }
}
