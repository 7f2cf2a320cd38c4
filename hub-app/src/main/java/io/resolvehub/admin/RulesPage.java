package io.resolvehub.admin;

import io.resolvehub.api.TenantAccess;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.conversation.HandoffPolicies;
import io.resolvehub.core.conversation.HandoffPolicy;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Hand-off rules: the tenant's {@link HandoffPolicy}, validated by the policy itself as the API does. */
@Controller
@AdminPage
@RequestMapping("/t/{tenant}/rules")
class RulesPage {

    /** What the form shows: the values as typed, so a rejected form keeps them. */
    record Form(String confidenceThreshold, String maxAiTurns, String humanPhrases, boolean clarifyFirst) {
        static Form of(HandoffPolicy p) {
            return new Form(String.valueOf(p.confidenceThreshold()), String.valueOf(p.maxAiTurns()),
                    String.join("\n", p.humanPhrases()), p.clarifyFirst());
        }
    }

    private final HandoffPolicies policies;
    private final TenantAccess access;

    RulesPage(HandoffPolicies policies, TenantAccess access) {
        this.policies = policies;
        this.access = access;
    }

    @GetMapping
    String page(@PathVariable String tenant, Model model) {
        model.addAttribute("form", Form.of(policies.get(access.require(tenant))));
        return "rules";
    }

    @PostMapping
    String save(@PathVariable String tenant, @RequestParam String confidenceThreshold, @RequestParam String maxAiTurns,
                @RequestParam(defaultValue = "") String humanPhrases,
                @RequestParam(defaultValue = "false") boolean clarifyFirst, Model model, RedirectAttributes redirect) {
        TenantId id = access.require(tenant);
        List<String> problems = new ArrayList<>();
        double threshold = Double.NaN;
        try {
            threshold = Double.parseDouble(confidenceThreshold.strip());
        } catch (NumberFormatException e) {
            problems.add("confidenceThreshold must be a number between 0 and 1, like 0.5");
        }
        int turns = 0;
        try {
            turns = Integer.parseInt(maxAiTurns.strip());
        } catch (NumberFormatException e) {
            problems.add("maxAiTurns must be a whole number between 1 and 50");
        }
        List<String> phrases = Arrays.stream(humanPhrases.split("\\R")).map(String::strip).filter(p -> !p.isEmpty()).toList();
        if (problems.isEmpty()) {
            HandoffPolicy wanted = new HandoffPolicy(threshold, turns, phrases, clarifyFirst);
            problems.addAll(wanted.problems());
            if (problems.isEmpty()) {
                policies.save(id, wanted);
                redirect.addFlashAttribute("notice", "Hand-off rules saved.");
                return "redirect:/t/" + tenant + "/rules";
            }
        }
        model.addAttribute("form", new Form(confidenceThreshold, maxAiTurns, humanPhrases, clarifyFirst));
        model.addAttribute("errors", FieldErrors.byField(problems, "confidenceThreshold", "maxAiTurns", "humanPhrases"));
        return "rules";
    }
}
