package io.resolvehub.admin;

import io.resolvehub.api.TenantAccess;
import io.resolvehub.core.Answer;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.conversation.FirstTurnDryRun;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;
import java.util.Map;

/**
 * Try it: one question through the same dry run as {@code POST /ask} (the tenant's hand-off policy applies; nothing
 * is billed or stored), shown with its decision, reason, confidence and citations.
 */
@Controller
@AdminPage
@RequestMapping("/t/{tenant}/try")
class TryItPage {

    static final int MAX_QUESTION = 4000;

    private final FirstTurnDryRun dryRun;
    private final TenantAccess access;

    TryItPage(FirstTurnDryRun dryRun, TenantAccess access) {
        this.dryRun = dryRun;
        this.access = access;
    }

    @GetMapping
    String page(@PathVariable String tenant) {
        access.require(tenant);
        return "try";
    }

    @PostMapping
    String ask(@PathVariable String tenant, @RequestParam(required = false) String question, Model model) {
        TenantId id = access.require(tenant);
        model.addAttribute("question", question);
        if (question == null || question.isBlank()) {
            model.addAttribute("errors", Map.of("question", "Type a question your customers ask."));
            return "try";
        }
        if (question.length() > MAX_QUESTION) {
            model.addAttribute("errors", Map.of("question", "Keep it under " + MAX_QUESTION + " characters."));
            return "try";
        }
        Answer answer = dryRun.ask(id, question.strip(), List.of());
        model.addAttribute("answer", answer);
        model.addAttribute("confidence", Format.confidence(answer.confidence()));
        return "try";
    }
}
