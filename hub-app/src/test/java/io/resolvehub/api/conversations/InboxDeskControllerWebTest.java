package io.resolvehub.api.conversations;

import io.resolvehub.api.WebSlice;
import io.resolvehub.core.ConversationId;
import io.resolvehub.core.conversation.ConversationNotFoundException;
import io.resolvehub.core.conversation.ConversationStateConflict;
import io.resolvehub.core.conversation.HumanDesk;
import io.resolvehub.core.conversation.HumanDesk.CloseOutcome;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.ResultActions;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The inbox desk's REST calls in a web slice: the controller, the API's error handling and JSON, with the desk and
 * the tenant directory stood in. What the web layer decides is checked here: a person's reply is sent as the
 * signed-in person, bad input is problem+json with an actionable detail and reaches no desk, the tenant in the URL is
 * the one acted on and another tenant's admin is refused, and the desk's refusals map to 404 and 409. The desk itself
 * runs for real in ConversationsApiContract and the browser tests.
 */
@WebMvcTest(InboxDeskController.class)
class InboxDeskControllerWebTest extends WebSlice {

    private static final String BASE = "/api/v1/tenants/acme/conversations/c-1";

    @MockitoBean
    HumanDesk desk;

    private ResultActions send(String path, String json) throws Exception {
        return send(post(path), json);
    }

    @Test
    void aReplyIsSentAsTheSignedInPersonWithItsTextTrimmed() throws Exception {
        send(BASE + "/replies", "{\"text\":\"  I have reset your account.  \"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("sent"));

        verify(desk).reply(ACME, new ConversationId("c-1"), "lead@acme.test", "I have reset your account.");
    }

    @Test
    void aBlankMissingOrTooLongReplyIsRefusedAndReachesNoDesk() throws Exception {
        problem(send(BASE + "/replies", "{\"text\":\"   \"}"), 400, "'text' is required");
        problem(send(BASE + "/replies", "{}"), 400, "'text' is required");
        problem(send(BASE + "/replies", "{\"text\":42}"), 400, "'text' is required");
        problem(send(BASE + "/replies", "{\"text\":\"" + "x".repeat(InboxDeskController.MAX_TEXT + 1) + "\"}"),
                400, "longer than 4000 characters");
        verifyNoInteractions(desk);
    }

    @Test
    void aCloseNeedsAKnownOutcomeAndIsRecordedByThePerson() throws Exception {
        problem(send(BASE + "/close", "{\"outcome\":\"done\"}"), 400, "\"resolved_by_human\" or \"unresolved\"");
        verifyNoInteractions(desk);

        send(BASE + "/close", "{\"outcome\":\"unresolved\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("unresolved"));
        verify(desk).close(ACME, new ConversationId("c-1"), CloseOutcome.UNRESOLVED, "lead@acme.test");
    }

    @Test
    void anotherTenantsConversationIsRefusedAndAnUnknownTenantIsNotFound() throws Exception {
        problem(send("/api/v1/tenants/other-co/conversations/c-1/replies", "{\"text\":\"hello\"}"), 403,
                "manages another tenant and may not see 'other-co'");
        problem(send("/api/v1/tenants/other-co/conversations/c-1/return-to-ai", "{}"), 403, "another tenant");
        problem(send("/api/v1/tenants/nobody/conversations/c-1/close", "{\"outcome\":\"unresolved\"}"), 404,
                "There is no tenant 'nobody'");
        verifyNoInteractions(desk);
    }

    @Test
    void theDesksRefusalsAreNotFoundAndConflictWithWhatToDoNext() throws Exception {
        doThrow(new ConversationNotFoundException("no conversation c-1 for acme"))
                .when(desk).returnToAi(any(), any(), any());
        problem(send(BASE + "/return-to-ai", "{}"), 404, "GET /api/v1/tenants/acme/conversations?status=escalated");

        doThrow(new ConversationStateConflict("Only a conversation handed to a person can be replied to; this one is open."))
                .when(desk).reply(any(), any(), any(), any());
        problem(send(BASE + "/replies", "{\"text\":\"hello\"}"), 409, "this one is open");
    }
}
