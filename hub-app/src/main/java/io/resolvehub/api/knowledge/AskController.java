package io.resolvehub.api.knowledge;

import io.resolvehub.api.ApiException;
import io.resolvehub.api.TenantAccess;
import io.resolvehub.core.AnswerRequest;
import io.resolvehub.core.ChatTurn;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.conversation.FirstTurnDryRun;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /ask}: the dry run of a conversation's first turn. The tenant's hand-off policy applies as in a
 * conversation (a request for a person, low confidence, nothing relevant found); nothing is billed or stored.
 */
@RestController
class AskController {

    static final int MAX_QUESTION = 4000;
    static final int MAX_HISTORY = 50;

    record Turn(String role, String text) {
    }

    record Ask(String question, List<Turn> history) {
    }

    private final FirstTurnDryRun dryRun;
    private final TenantAccess access;

    AskController(FirstTurnDryRun dryRun, TenantAccess access) {
        this.dryRun = dryRun;
        this.access = access;
    }

    @PostMapping("/api/v1/tenants/{tenant}/ask")
    AnswerJson ask(@PathVariable String tenant, @RequestBody Ask body) {
        TenantId id = access.require(tenant);
        AnswerRequest request = validate(id, body);
        return AnswerJson.of(dryRun.ask(request.tenant(), request.question(), request.history()));
    }

    private static AnswerRequest validate(TenantId tenant, Ask body) {
        if (body == null || body.question() == null || body.question().isBlank()) {
            throw ApiException.badRequest("'question' is required, e.g. {\"question\":\"How do I reset my password?\"}.");
        }
        if (body.question().length() > MAX_QUESTION) {
            throw ApiException.badRequest("'question' is longer than " + MAX_QUESTION + " characters.");
        }
        List<ChatTurn> history = new ArrayList<>();
        if (body.history() != null) {
            if (body.history().size() > MAX_HISTORY) {
                throw ApiException.badRequest("'history' has more than " + MAX_HISTORY + " turns; send the latest ones.");
            }
            for (int i = 0; i < body.history().size(); i++) {
                Turn turn = body.history().get(i);
                if (turn == null || turn.text() == null || !("user".equals(turn.role()) || "assistant".equals(turn.role()))) {
                    throw ApiException.badRequest("'history[" + i + "]' must be {\"role\":\"user\"|\"assistant\",\"text\":\"…\"}.");
                }
                history.add(new ChatTurn(ChatTurn.Role.fromWire(turn.role()), turn.text()));
            }
        }
        return new AnswerRequest(tenant, body.question().strip(), history);
    }
}
