package io.resolvehub.api.insights;

import io.resolvehub.api.ApiException;
import io.resolvehub.api.TenantAccess;
import io.resolvehub.insights.Insights;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /insights?days=N}: the topics, gaps and totals of the last N days (7 unless given). */
@RestController
class InsightsController {

    private final TenantAccess access;
    private final Insights insights;

    InsightsController(TenantAccess access, Insights insights) {
        this.access = access;
        this.insights = insights;
    }

    @GetMapping("/api/v1/tenants/{tenant}/insights")
    InsightsJson insights(@PathVariable String tenant, @RequestParam(required = false) String days) {
        var id = access.require(tenant);
        return InsightsJson.of(insights.report(id, days(days)));
    }

    static int days(String days) {
        if (days == null || days.isBlank()) {
            return 7;
        }
        try {
            int value = Integer.parseInt(days.strip());
            if (value >= 1 && value <= Insights.MAX_DAYS) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badRequest("'days' must be a whole number of days from 1 to " + Insights.MAX_DAYS
                + ", e.g. ?days=7; it was '" + days + "'.");
    }
}
