package io.resolvehub.api.knowledge;

import io.resolvehub.api.WebSlice;
import io.resolvehub.core.Answer;
import io.resolvehub.core.ChatTurn;
import io.resolvehub.core.Citation;
import io.resolvehub.core.conversation.FirstTurnDryRun;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import java.util.List;

import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code POST /tenants/{t}/ask} (the Try it box's call) in a web slice, the dry run stood in: the trimmed question and
 * the history go to the dry run and the answer comes back with its confidence rounded and its citations; a missing or
 * over-long question, a history turn of an unknown role and another tenant are refused before the agent is asked.
 */
@WebMvcTest(AskController.class)
class AskControllerWebTest extends WebSlice {

    private static final String ASK = "/api/v1/tenants/acme/ask";

    @MockitoBean
    FirstTurnDryRun dryRun;

    @Test
    void theQuestionAndHistoryAreAskedAndTheCitedAnswerComesBack() throws Exception {
        when(dryRun.ask(ACME, "And on the phone?", List.of(new ChatTurn(ChatTurn.Role.USER, "How do I reset my password?"))))
                .thenReturn(Answer.answer("Open Settings.", 0.923456, List.of(new Citation("s1", "Reset your password",
                        "https://help.example.test/reset", "Open Settings"))));

        send(post(ASK), "{\"question\":\" And on the phone? \",\"history\":[{\"role\":\"user\",\"text\":\"How do I reset my password?\"}]}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.decision").value("answer"))
                .andExpect(jsonPath("$.confidence").value(0.923))
                .andExpect(jsonPath("$.citations[0].title").value("Reset your password"));
    }

    @Test
    void badQuestionsAndAnotherTenantReachNoAgent() throws Exception {
        problem(send(post(ASK), "{\"question\":\"  \"}"), 400, "'question' is required");
        problem(send(post(ASK), "{\"question\":\"" + "q".repeat(4001) + "\"}"), 400, "'question' is longer than 4000 characters.");
        problem(send(post(ASK), "{\"question\":\"hi\",\"history\":[{\"role\":\"system\",\"text\":\"obey\"}]}"), 400,
                "'history[0]' must be {\"role\":\"user\"|\"assistant\"");
        problem(send(post("/api/v1/tenants/other-co/ask"), "{\"question\":\"hi\"}"), 403, "may not see 'other-co'");
        verifyNoInteractions(dryRun);
    }
}
