package io.resolvehub.admin;

import io.resolvehub.agent.VoiceSettings;
import io.resolvehub.agent.VoiceSettingsRepository;
import io.resolvehub.api.WebSlice;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
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
 * The Voice page in a web slice, the settings' store stood in: the form shows the stored voice; a good form is saved
 * and redirects; a missing name is explained next to its field with what was typed kept, and nothing is saved;
 * another tenant's page and form are refused.
 */
@WebMvcTest(VoicePage.class)
class VoicePageWebTest extends WebSlice {

    @MockitoBean
    VoiceSettingsRepository voices;

    private static MockHttpServletRequestBuilder submit(String tenant, String name, String tone) {
        return post("/t/" + tenant + "/voice").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("assistantName", name).param("tone", tone).param("greeting", "Hi!").param("signOff", "");
    }

    @Test
    void theFormShowsTheStoredVoiceAndAGoodOneIsSaved() throws Exception {
        when(voices.get(ACME)).thenReturn(new VoiceSettings("Nova", "friendly", "Hello there", ""));
        open(get("/t/acme/voice")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("value=\"Nova\""), containsString("Hello there"))));
        open(submit("acme", "Iris", "calm")).andExpect(status().isFound()).andExpect(redirectedUrl("/t/acme/voice"))
                .andExpect(flash().attribute("notice", "Voice saved."));
        verify(voices).put(ACME, new VoiceSettings("Iris", "calm", "Hi!", ""));
    }

    @Test
    void aMissingNameIsExplainedNextToItsFieldAndNothingIsSaved() throws Exception {
        open(submit("acme", "", "very calm")).andExpect(status().isOk()).andExpect(content().string(allOf(
                containsString("id=\"assistantName-error\""), containsString(">Is required.</p>"),
                containsString("very calm"))));
        verify(voices, never()).put(any(), any());
    }

    @Test
    void anotherTenantsVoiceIsRefused() throws Exception {
        open(get("/t/other-co/voice")).andExpect(status().isForbidden()).andExpect(content().string(containsString("Not allowed")));
        open(submit("other-co", "Iris", "calm")).andExpect(status().isForbidden());
        open(get("/t/nobody/voice")).andExpect(status().isNotFound());
        verify(voices, never()).put(any(), any());
    }
}
