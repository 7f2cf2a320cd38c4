package io.resolvehub.api.insights;

import io.resolvehub.api.ApiException;
import io.resolvehub.api.TenantAccess;
import io.resolvehub.insights.GapRecheck;
import io.resolvehub.insights.Insights;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /insights?days=N}: the topics, gaps and totals of the last N days (7 unless given); and a gap's recheck
 * after the docs changed.
 */
@RestController
class InsightsController {

    private final TenantAccess access;
    private final Insights insights;
    private final GapRecheck recheck;

    InsightsController(TenantAccess access, Insights insights, GapRecheck recheck) {
        this.access = access;
        this.insights = insights;
        this.recheck = recheck;
    }

    @GetMapping("/api/v1/tenants/{tenant}/insights")
    InsightsJson insights(@PathVariable String tenant, @RequestParam(required = false) String days) {
        var id = access.require(tenant);
        return InsightsJson.of(insights.report(id, days(days)));
    }

    /** Asks the gap's questions again (a dry run: not billed, not stored) and shows each reply before and now. */
    @PostMapping("/api/v1/tenants/{tenant}/insights/gaps/{gap}/recheck")
    GapRecheck.Result recheck(@PathVariable String tenant, @PathVariable String gap,
                              @RequestParam(required = false) String days) {
        var id = access.require(tenant);
        long gapId;
        try {
            gapId = Long.parseLong(gap);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("A gap id is a number, as GET /insights shows it; '" + gap + "' is not.");
        }
        int period = days(days);
        return recheck.recheck(id, gapId, period).orElseThrow(() -> ApiException.notFound("No question of gap " + gapId
                + " was asked in the last " + period + " days; GET /api/v1/tenants/" + id + "/insights?days=" + period
                + " lists the gaps."));
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
