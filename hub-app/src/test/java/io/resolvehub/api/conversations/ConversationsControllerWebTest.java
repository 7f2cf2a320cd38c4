package io.resolvehub.api.conversations;

import io.resolvehub.api.WebSlice;
import io.resolvehub.core.ConversationId;
import io.resolvehub.core.conversation.ConversationInbox;
import io.resolvehub.core.conversation.ConversationNotFoundException;
import io.resolvehub.core.conversation.WebConversations;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The web channel and the inbox list in a web slice, the conversations stood in: bad messages, feedback and list
 * filters are problem+json saying what to send and reach no conversation; a ticket is named by a channel id; the
 * core's not-found and "no answer in time" are 404 and 504; another tenant's conversations are refused. (The web
 * channel runs for real through the pipeline in ConversationsApiContract, on H2 and PostgreSQL.)
 */
@WebMvcTest(ConversationsController.class)
class ConversationsControllerWebTest extends WebSlice {

    private static final String CONVERSATIONS = "/api/v1/tenants/acme/conversations";

    @MockitoBean
    WebConversations web;
    @MockitoBean
    ConversationInbox inbox;

    @Test
    void badMessagesAndFeedbackSayWhatToSendAndReachNoConversation() throws Exception {
        problem(send(post(CONVERSATIONS + "/c-1/messages"), "{\"text\":\"  \"}"), 400, "'text' is required: the user's message");
        problem(send(post(CONVERSATIONS + "/c-1/messages"), "{\"text\":\"" + "x".repeat(4001) + "\"}"), 400,
                "longer than 4000 characters");
        problem(send(post(CONVERSATIONS + "/c-1/feedback"), "{\"resolved\":\"yes\"}"), 400, "'resolved' is required");
        problem(send(post(CONVERSATIONS), "{\"user\":42}"), 400, "'user' must be a string of at most 200 characters.");
        problem(send(post(CONVERSATIONS), "[\"dana\"]"), 400, "must be a JSON object like {\"user\":\"dana\"}");
        verifyNoInteractions(web);
    }

    @Test
    void theInboxFiltersAreChecked() throws Exception {
        problem(send(get(CONVERSATIONS + "?status=closed")), 400, "open, escalated, resolved, unresolved; was 'closed'");
        problem(send(get(CONVERSATIONS + "?channel=Slack!")), 400, "'channel' must be a channel id");
        problem(send(get(CONVERSATIONS + "?limit=0")), 400, "'limit' must be between 1 and 1000.");
        problem(send(get(CONVERSATIONS + "/by-ticket/Not%20A%20System/1")), 400, "/by-ticket/zendesk/4711");
        verifyNoInteractions(inbox);
        problem(send(get(CONVERSATIONS + "/by-ticket/zendesk/987654")), 404, "no part in zendesk ticket '987654'");
    }

    @Test
    void theCoresNotFoundAndLateAnswerAre404And504() throws Exception {
        when(web.post(ACME, new ConversationId("gone"), "hello"))
                .thenThrow(new ConversationNotFoundException("no conversation gone for acme"));
        problem(send(post(CONVERSATIONS + "/gone/messages"), "{\"text\":\" hello \"}"), 404,
                "Start one with POST /api/v1/tenants/acme/conversations.");

        when(web.post(any(), any(), anyString())).thenThrow(new IllegalStateException(
                "No answer within 30 s; the message is kept and will be answered. Read the conversation again later."));
        problem(send(post(CONVERSATIONS + "/slow/messages"), "{\"text\":\"hello\"}"), 504, "the message is kept");
    }

    @Test
    void anotherTenantsConversationsAreRefused() throws Exception {
        problem(send(get("/api/v1/tenants/other-co/conversations")), 403, "may not see 'other-co'");
        problem(send(post("/api/v1/tenants/other-co/conversations/c-1/messages"), "{\"text\":\"hi\"}"), 403, "other-co");
        problem(send(get("/api/v1/tenants/other-co/conversations/by-ticket/zendesk/1")), 403, "other-co");
        verifyNoInteractions(web, inbox);
    }
}
