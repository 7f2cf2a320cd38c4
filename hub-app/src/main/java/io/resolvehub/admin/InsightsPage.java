package io.resolvehub.admin;

import io.resolvehub.api.TenantAccess;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Insights: a placeholder until topics, gaps and the digest arrive; it says what the page will show. */
@Controller
@AdminPage
class InsightsPage {

    private final TenantAccess access;

    InsightsPage(TenantAccess access) {
        this.access = access;
    }

    @GetMapping("/t/{tenant}/insights")
    String page(@PathVariable String tenant) {
        access.require(tenant);
        return "insights";
    }
}
