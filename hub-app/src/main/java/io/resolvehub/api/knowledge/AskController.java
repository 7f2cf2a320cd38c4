package io.resolvehub.api.knowledge;

import io.resolvehub.api.ApiException;
import io.resolvehub.api.TenantAccess;
import io.resolvehub.core.Answer;
import io.resolvehub.core.AnswerEngine;
import io.resolvehub.core.AnswerRequest;
import io.resolvehub.core.ChatTurn;
import io.resolvehub.core.HandoffReason;
import io.resolvehub.core.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;

/** SPEC §3 {@code POST /ask}: a dry run of the agent on the tenant's knowledge, never billed. */
@RestController
class AskController {

    static final int MAX_QUESTION = 4000;
    static final int MAX_HISTORY = 50;
    static final String ENGINE_ERROR_TEXT = "Something went wrong on our side while looking for an answer, so I'm passing "
            + "your question to a person on our team who will follow up.";

    record Turn(String role, String text) {
    }

    record Ask(String question, List<Turn> history) {
    }

    private static final Logger log = LoggerFactory.getLogger(AskController.class);

    private final AnswerEngine engine;
    private final TenantAccess access;

    AskController(AnswerEngine engine, TenantAccess access) {
        this.engine = engine;
        this.access = access;
    }

    @PostMapping("/api/v1/tenants/{tenant}/ask")
    AnswerJson ask(@PathVariable String tenant, @RequestBody Ask body) {
        TenantId id = access.require(tenant);
        AnswerRequest request = validate(id, body);
        Answer answer;
        try {
            answer = engine.answer(request);
        } catch (RuntimeException e) {
            log.warn("The answer engine failed for tenant {}", id, e);
            answer = Answer.handoff(ENGINE_ERROR_TEXT, 0, HandoffReason.ENGINE_ERROR);   // never silence
        }
        return AnswerJson.of(answer);
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
