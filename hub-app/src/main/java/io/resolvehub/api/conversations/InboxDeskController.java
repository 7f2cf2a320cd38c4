package io.resolvehub.api.conversations;

import io.resolvehub.api.ApiException;
import io.resolvehub.api.TenantAccess;
import io.resolvehub.core.ConversationId;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.conversation.ConversationNotFoundException;
import io.resolvehub.core.conversation.ConversationStateConflict;
import io.resolvehub.core.conversation.HumanDesk;
import io.resolvehub.core.conversation.HumanDesk.CloseOutcome;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.security.Principal;
import java.util.Arrays;
import java.util.Map;

/** A person's side of an escalated conversation (REST {@code /replies}, {@code /close}, {@code /return-to-ai}). */
@RestController
@RequestMapping("/api/v1/tenants/{tenant}/conversations/{id}")
class InboxDeskController {

    static final int MAX_TEXT = 4000;

    private final TenantAccess access;
    private final HumanDesk desk;

    InboxDeskController(TenantAccess access, HumanDesk desk) {
        this.access = access;
        this.desk = desk;
    }

    @PostMapping("/replies")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, String> reply(@PathVariable String tenant, @PathVariable String id,
                              @RequestBody(required = false) JsonNode body, Principal who) {
        TenantId t = access.require(tenant);
        JsonNode text = body == null ? null : body.get("text");
        if (text == null || !text.isString() || text.stringValue().isBlank()) {
            throw ApiException.badRequest("'text' is required: your reply to the customer, e.g. "
                    + "{\"text\":\"I have reset your account; please try again.\"}.");
        }
        if (text.stringValue().length() > MAX_TEXT) {
            throw ApiException.badRequest("'text' is longer than " + MAX_TEXT + " characters; send a shorter reply.");
        }
        act(t, id, () -> desk.reply(t, new ConversationId(id), who.getName(), text.stringValue().strip()));
        return Map.of("status", "sent");
    }

    @PostMapping("/close")
    Map<String, String> close(@PathVariable String tenant, @PathVariable String id,
                              @RequestBody(required = false) JsonNode body, Principal who) {
        TenantId t = access.require(tenant);
        JsonNode outcome = body == null ? null : body.get("outcome");
        CloseOutcome wanted = outcome == null || !outcome.isString() ? null : Arrays.stream(CloseOutcome.values())
                .filter(o -> o.wire().equals(outcome.stringValue())).findFirst().orElse(null);
        if (wanted == null) {
            throw ApiException.badRequest("'outcome' is required: \"resolved_by_human\" or \"unresolved\", e.g. "
                    + "{\"outcome\":\"resolved_by_human\"}.");
        }
        act(t, id, () -> desk.close(t, new ConversationId(id), wanted, who.getName()));
        return Map.of("status", wanted == CloseOutcome.RESOLVED_BY_HUMAN ? "resolved" : "unresolved");
    }

    @PostMapping("/return-to-ai")
    Map<String, String> returnToAi(@PathVariable String tenant, @PathVariable String id, Principal who) {
        TenantId t = access.require(tenant);
        act(t, id, () -> desk.returnToAi(t, new ConversationId(id), who.getName()));
        return Map.of("status", "open");
    }

    private static void act(TenantId tenant, String id, Runnable action) {
        try {
            action.run();
        } catch (ConversationNotFoundException e) {
            throw ApiException.notFound("Tenant '" + tenant + "' has no conversation '" + id
                    + "'. The inbox lists them: GET /api/v1/tenants/" + tenant + "/conversations?status=escalated.");
        } catch (ConversationStateConflict e) {
            throw ApiException.conflict(e.getMessage());
        }
    }
}
