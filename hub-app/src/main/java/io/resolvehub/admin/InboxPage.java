package io.resolvehub.admin;

import io.resolvehub.api.ApiException;
import io.resolvehub.api.TenantAccess;
import io.resolvehub.billing.Ledger;
import io.resolvehub.core.ChannelType;
import io.resolvehub.core.ConversationId;
import io.resolvehub.core.ConversationStatus;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.channel.ChannelException;
import io.resolvehub.core.conversation.ConversationDetail;
import io.resolvehub.core.conversation.ConversationInbox;
import io.resolvehub.core.conversation.ConversationNotFoundException;
import io.resolvehub.core.conversation.ConversationStateConflict;
import io.resolvehub.core.conversation.HumanDesk;
import io.resolvehub.core.conversation.HumanDesk.CloseOutcome;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.security.Principal;
import java.util.Map;

/**
 * Inbox: conversations by status and channel; each opens to its transcript (per-turn confidence, citations, hand-off
 * reason, ticket, charge receipts) and, when a person owns it, the desk: reply on its channel, close, return to AI.
 */
@Controller
@AdminPage
@RequestMapping("/t/{tenant}/inbox")
class InboxPage {

    private static final int MAX_REPLY = 4000;

    private final ConversationInbox inbox;
    private final HumanDesk desk;
    private final Ledger ledger;
    private final TenantAccess access;

    InboxPage(ConversationInbox inbox, HumanDesk desk, Ledger ledger, TenantAccess access) {
        this.inbox = inbox;
        this.desk = desk;
        this.ledger = ledger;
        this.access = access;
    }

    @GetMapping
    String list(@PathVariable String tenant, @RequestParam(defaultValue = "escalated") String status,
                @RequestParam(defaultValue = "") String channel, Model model) {
        TenantId id = access.require(tenant);
        ConversationStatus wanted = status.equals("all") ? null : java.util.Arrays.stream(ConversationStatus.values())
                .filter(s -> s.wire().equals(status)).findFirst().orElse(ConversationStatus.ESCALATED);
        ChannelType on = channel.matches("[a-z][a-z0-9-]{0,19}") ? new ChannelType(channel) : null;
        model.addAttribute("items", inbox.list(id, wanted, on, false, 200));
        model.addAttribute("status", wanted == null ? "all" : wanted.wire());
        model.addAttribute("channel", on == null ? "" : on.id());
        return "inbox";
    }

    @GetMapping("/{conversation}")
    String conversation(@PathVariable String tenant, @PathVariable String conversation, Model model) {
        TenantId id = access.require(tenant);
        ConversationDetail detail = inbox.find(id, new ConversationId(conversation))
                .orElseThrow(() -> ApiException.notFound("This tenant has no conversation '" + conversation + "'."));
        model.addAttribute("c", detail.summary());
        model.addAttribute("turns", detail.turns());
        model.addAttribute("events", detail.events());
        model.addAttribute("receipts", ledger.receipts(id, detail.summary().id()));
        model.addAttribute("owned", detail.summary().status() == ConversationStatus.ESCALATED);
        return "conversation";
    }

    @PostMapping("/{conversation}/reply")
    String reply(@PathVariable String tenant, @PathVariable String conversation, @RequestParam(defaultValue = "") String text,
                 Principal who, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        TenantId id = access.require(tenant);
        String problem = text.isBlank() ? "Write the reply the customer should get."
                : text.length() > MAX_REPLY ? "Keep the reply under " + MAX_REPLY + " characters." : null;
        if (problem == null) {
            try {
                desk.reply(id, new ConversationId(conversation), who.getName(), text.strip());
                redirect.addFlashAttribute("notice", "Reply sent to the customer.");
                return "redirect:/t/" + tenant + "/inbox/" + conversation;
            } catch (ChannelException e) {
                problem = "The channel did not take the reply (" + e.getMessage() + "); it is kept in the transcript. Try again.";
            } catch (ConversationStateConflict e) {
                // another person closed it or handed it back meanwhile: say so next to the draft, which is kept
                response.setStatus(HttpServletResponse.SC_CONFLICT);
                problem = e.getMessage() + " Your reply was not sent.";
            } catch (ConversationNotFoundException e) {
                throw ApiException.notFound("This tenant has no conversation '" + conversation + "'.");
            }
        }
        model.addAttribute("errors", Map.of("text", problem));
        model.addAttribute("draft", text);
        return conversation(tenant, conversation, model);
    }

    @PostMapping("/{conversation}/close")
    String close(@PathVariable String tenant, @PathVariable String conversation, @RequestParam String outcome,
                 Principal who, RedirectAttributes redirect) {
        TenantId id = access.require(tenant);
        CloseOutcome wanted = "resolved_by_human".equals(outcome) ? CloseOutcome.RESOLVED_BY_HUMAN : CloseOutcome.UNRESOLVED;
        return act(tenant, conversation, redirect, wanted == CloseOutcome.RESOLVED_BY_HUMAN
                        ? "Closed as resolved by a person (not billed)." : "Closed as unresolved (not billed).",
                () -> desk.close(id, new ConversationId(conversation), wanted, who.getName()));
    }

    @PostMapping("/{conversation}/return-to-ai")
    String returnToAi(@PathVariable String tenant, @PathVariable String conversation, Principal who,
                      RedirectAttributes redirect) {
        TenantId id = access.require(tenant);
        return act(tenant, conversation, redirect, "Returned to the AI: it answers the customer's next message.",
                () -> desk.returnToAi(id, new ConversationId(conversation), who.getName()));
    }

    private static String act(String tenant, String conversation, RedirectAttributes redirect, String done, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", done);
        } catch (ConversationStateConflict e) {
            redirect.addFlashAttribute("notice", e.getMessage());
        } catch (ConversationNotFoundException e) {
            throw ApiException.notFound("This tenant has no conversation '" + conversation + "'.");
        }
        return "redirect:/t/" + tenant + "/inbox/" + conversation;
    }
}
