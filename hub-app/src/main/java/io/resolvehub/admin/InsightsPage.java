package io.resolvehub.admin;

import io.resolvehub.api.TenantAccess;
import io.resolvehub.core.TenantId;
import io.resolvehub.insights.DigestSettings;
import io.resolvehub.insights.Digests;
import io.resolvehub.insights.GapRecheck;
import io.resolvehub.insights.Insights;
import io.resolvehub.insights.InvalidDigestSettings;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;

/**
 * Insights: the period's topics with their trends, the gaps in the docs with examples and a recheck button, and the
 * digest's settings with "send now" and how its latest deliveries went.
 */
@Controller
@AdminPage
@RequestMapping("/t/{tenant}/insights")
class InsightsPage {

    static final List<Integer> PERIODS = List.of(7, 30, 90);

    private final TenantAccess access;
    private final Insights insights;
    private final GapRecheck recheck;
    private final Digests digests;

    InsightsPage(TenantAccess access, Insights insights, GapRecheck recheck, Digests digests) {
        this.access = access;
        this.insights = insights;
        this.recheck = recheck;
        this.digests = digests;
    }

    @GetMapping
    String page(@PathVariable String tenant, @RequestParam(defaultValue = "7") int days, Model model) {
        TenantId id = access.require(tenant);
        int period = PERIODS.contains(days) ? days : 7;
        model.addAttribute("days", period);
        model.addAttribute("periods", PERIODS);
        model.addAttribute("report", insights.report(id, period));
        if (!model.containsAttribute("digest")) {
            model.addAttribute("digest", digests.settings(id));
        }
        model.addAttribute("deliveries", digests.deliveries(id, 5));
        return "insights";
    }

    @PostMapping("/gaps/{gap}/recheck")
    String recheck(@PathVariable String tenant, @PathVariable long gap, @RequestParam(defaultValue = "7") int days,
                   RedirectAttributes redirect) {
        TenantId id = access.require(tenant);
        recheck.recheck(id, gap, days).ifPresentOrElse(
                result -> {
                    redirect.addFlashAttribute("recheck", result);
                    redirect.addFlashAttribute("notice", result.answeredNow() + " of " + result.checks().size()
                            + " questions of this gap are answered now.");
                },
                () -> redirect.addFlashAttribute("notice", "No question of this gap was asked in the last " + days + " days."));
        return "redirect:/t/" + tenant + "/insights?days=" + days + "#gap-" + gap;
    }

    @PostMapping("/digest")
    String saveDigest(@PathVariable String tenant, @RequestParam(defaultValue = "") String schedule,
                      @RequestParam(defaultValue = "") String channel, @RequestParam(defaultValue = "") String target,
                      @RequestParam(defaultValue = "") String timeZone, Model model, RedirectAttributes redirect) {
        TenantId id = access.require(tenant);
        DigestSettings wanted = new DigestSettings(schedule, channel, target, timeZone);
        try {
            digests.save(id, wanted);
            redirect.addFlashAttribute("notice", "Digest settings saved.");
            return "redirect:/t/" + tenant + "/insights#digest";
        } catch (InvalidDigestSettings e) {
            model.addAttribute("digest", wanted);
            model.addAttribute("errors", FieldErrors.byField(List.of(e.getMessage()), "schedule", "channel", "target",
                    "timeZone"));
            return page(tenant, 7, model);
        }
    }

    @PostMapping("/digest/send")
    String sendDigest(@PathVariable String tenant, RedirectAttributes redirect) {
        TenantId id = access.require(tenant);
        try {
            var delivery = digests.sendNow(id);
            redirect.addFlashAttribute("notice", "The digest is on its way to " + delivery.channel() + " "
                    + delivery.target() + ".");
        } catch (InvalidDigestSettings e) {
            redirect.addFlashAttribute("notice", "Set where the digest goes first, then send it.");
        }
        return "redirect:/t/" + tenant + "/insights#digest";
    }
}
