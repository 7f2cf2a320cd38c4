package io.resolvehub.admin;

import io.resolvehub.api.ApiException;
import io.resolvehub.api.WebSlice;
import io.resolvehub.api.channels.ChannelRecords;
import io.resolvehub.core.channel.ChannelConfigProperty;
import io.resolvehub.core.channel.Verification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The Channels page in a web slice, the channel records stood in: only the channel's own fields go to the records
 * and a save redirects; settings the records refuse are explained at the channel's form with what was typed kept;
 * "test connection" shows what the platform said and saves nothing; another tenant's page and forms are refused.
 */
@WebMvcTest(ChannelsPage.class)
class ChannelsPageWebTest extends WebSlice {

    @MockitoBean
    ChannelRecords records;

    @BeforeEach
    void zendeskTakesASubdomainAndAToken() {
        when(records.properties("zendesk")).thenReturn(List.of(
                new ChannelConfigProperty("subdomain", "Subdomain", true, false, true),
                new ChannelConfigProperty("apiToken", "API token", true, true, false)));
    }

    private static MockHttpServletRequestBuilder zendesk(String tenant, String action) {
        return post("/t/" + tenant + "/channels/zendesk").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("subdomain", "acme-help").param("apiToken", "tok").param("stray", "x").param("action", action);
    }

    @Test
    void onlyTheChannelsOwnFieldsAreSavedAndTheSaveRedirects() throws Exception {
        open(zendesk("acme", "save")).andExpect(status().isFound()).andExpect(redirectedUrl("/t/acme/channels"))
                .andExpect(flash().attribute("notice", "zendesk settings saved."));
        verify(records).save(ACME, "zendesk", Map.of("subdomain", "acme-help", "apiToken", "tok"));
    }

    @Test
    void refusedSettingsAreExplainedAtTheFormWithWhatWasTypedKept() throws Exception {
        when(records.save(any(), eq("zendesk"), anyMap()))
                .thenThrow(ApiException.badRequest("The zendesk settings do not work: 401 from Zendesk."));
        open(zendesk("acme", "save")).andExpect(status().isOk()).andExpect(content().string(allOf(
                containsString("The zendesk settings do not work: 401 from Zendesk."), containsString("acme-help"))));
    }

    @Test
    void testConnectionShowsWhatThePlatformSaidAndSavesNothing() throws Exception {
        when(records.test(any(), eq("zendesk"), anyMap())).thenReturn(new Verification(false, "the token was refused"));
        open(zendesk("acme", "test")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Not connected: the token was refused")));
        verify(records, never()).save(any(), anyString(), anyMap());
    }

    @Test
    void anotherTenantsChannelsAreRefused() throws Exception {
        open(get("/t/acme/channels")).andExpect(status().isOk()).andExpect(content().string(containsString("/zendesk/webhook/acme")));
        open(get("/t/other-co/channels")).andExpect(status().isForbidden()).andExpect(content().string(containsString("Not allowed")));
        open(zendesk("other-co", "save")).andExpect(status().isForbidden());
        open(zendesk("other-co", "test")).andExpect(status().isForbidden());
        open(get("/t/nobody/channels")).andExpect(status().isNotFound());
        verify(records, never()).save(any(), anyString(), anyMap());
        verify(records, never()).test(any(), anyString(), anyMap());
    }
}
