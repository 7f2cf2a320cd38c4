package io.resolvehub.admin;

import io.resolvehub.api.WebSlice;
import io.resolvehub.core.ChannelType;
import io.resolvehub.core.ConversationId;
import io.resolvehub.core.ConversationStatus;
import io.resolvehub.core.HandoffReason;
import io.resolvehub.core.UserRef;
import io.resolvehub.core.channel.ChannelException;
import io.resolvehub.core.channel.TicketRef;
import io.resolvehub.core.conversation.ConversationDetail;
import io.resolvehub.core.conversation.ConversationInbox;
import io.resolvehub.core.conversation.ConversationStateConflict;
import io.resolvehub.core.conversation.HumanDesk;
import io.resolvehub.core.conversation.InboxItem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The inbox desk's page in a web slice, the inbox and the desk stood in: a reply is sent as the signed-in person; an
 * empty reply, a channel that did not take it, and a conversation another person closed meanwhile are explained next
 * to the reply box, with the draft kept; an unknown conversation is "Not found"; another tenant's inbox is refused.
 * (Replies reach the web, Slack and Teams channels for real in the browser and pipeline tests.)
 */
@WebMvcTest(InboxPage.class)
class InboxPageWebTest extends WebSlice {

    private static final String PAGE = "/t/acme/inbox/c-1";

    @MockitoBean
    ConversationInbox inbox;
    @MockitoBean
    HumanDesk desk;

    @BeforeEach
    void acmeHasAnEscalatedWebConversation() {
        conversationIs(ConversationStatus.ESCALATED);
    }

    private void conversationIs(ConversationStatus status) {
        Instant at = Instant.parse("2026-12-05T00:00:00Z");
        InboxItem item = new InboxItem(new ConversationId("c-1"), new ChannelType("web"), UserRef.anonymous(),
                status, 0.3, HandoffReason.USER_REQUEST, new TicketRef("hub", "HUB-7", null), null, 1, at, at, 0, null);
        when(inbox.find(ACME, new ConversationId("c-1"))).thenReturn(Optional.of(new ConversationDetail(item, List.of(), List.of())));
    }

    private static MockHttpServletRequestBuilder reply(String text) {
        return post(PAGE + "/reply").contentType(MediaType.APPLICATION_FORM_URLENCODED).param("text", text);
    }

    @Test
    void aReplyIsSentAsTheSignedInPerson() throws Exception {
        open(reply(" I have reset it. ")).andExpect(status().isFound()).andExpect(redirectedUrl(PAGE))
                .andExpect(flash().attribute("notice", "Reply sent to the customer."));
        verify(desk).reply(ACME, new ConversationId("c-1"), "lead@acme.test", "I have reset it.");
    }

    @Test
    void anEmptyReplyIsExplainedNextToTheBox() throws Exception {
        open(reply("   ")).andExpect(status().isOk()).andExpect(content().string(allOf(
                containsString("id=\"text-error\""), containsString("Write the reply the customer should get."))));
        verifyNoInteractions(desk);
    }

    @Test
    void aReplyTheChannelRefusedIsExplainedWithTheDraftKept() throws Exception {
        doThrow(new ChannelException("channel_not_found", false, null, null)).when(desk).reply(any(), any(), anyString(), anyString());
        open(reply("I have reset it.")).andExpect(status().isOk()).andExpect(content().string(allOf(
                containsString("The channel did not take the reply (channel_not_found)"), containsString("I have reset it."))));
    }

    @Test
    void aReplyToAConversationClosedMeanwhileSaysSoWithTheDraftKept() throws Exception {
        doThrow(new ConversationStateConflict("Only a conversation handed to a person can be replied to; this one is resolved."))
                .when(desk).reply(any(), any(), anyString(), anyString());
        conversationIs(ConversationStatus.RESOLVED); // another person closed it before this reply was sent
        open(reply("I have reset it.")).andExpect(status().isConflict()).andExpect(content().string(allOf(
                containsString("id=\"unsent\""), containsString("this one is resolved. Your reply was not sent."),
                containsString("<blockquote>I have reset it.</blockquote>"), not(containsString("Send reply")))));
    }

    @Test
    void anUnknownConversationIsNotFoundAndAnotherTenantsInboxIsRefused() throws Exception {
        open(get("/t/acme/inbox/nope")).andExpect(status().isNotFound())
                .andExpect(content().string(containsString("This tenant has no conversation &#39;nope&#39;.")));
        open(get("/t/other-co/inbox")).andExpect(status().isForbidden())
                .andExpect(content().string(containsString("Not allowed")));
        open(post("/t/other-co/inbox/c-1/reply").contentType(MediaType.APPLICATION_FORM_URLENCODED).param("text", "hi"))
                .andExpect(status().isForbidden());
        verifyNoInteractions(desk);
    }
}
