package io.resolvehub.api.knowledge;

import io.resolvehub.agent.VoiceSettings;
import io.resolvehub.agent.VoiceSettingsRepository;
import io.resolvehub.api.WebSlice;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code /tenants/{t}/voice} in a web slice, the voice store stood in: a voice is stored as sent and echoed; a missing
 * or over-long member, an empty body and a body that is not JSON are problem+json saying what to send, and store
 * nothing; another tenant's voice is refused. (Stored for real in KnowledgeApiContract, on H2 and PostgreSQL.)
 */
@WebMvcTest(VoiceController.class)
class VoiceControllerWebTest extends WebSlice {

    private static final String VOICE = "/api/v1/tenants/acme/voice";

    @MockitoBean
    VoiceSettingsRepository voices;

    @Test
    void aVoiceIsStoredAsSentAndEchoed() throws Exception {
        send(put(VOICE), "{\"assistantName\":\"Nova\",\"tone\":\"friendly\",\"greeting\":\"Hi!\",\"signOff\":\"\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.assistantName").value("Nova"))
                .andExpect(jsonPath("$.greeting").value("Hi!"));
        verify(voices).put(ACME, new VoiceSettings("Nova", "friendly", "Hi!", ""));
    }

    @Test
    void aBadVoiceSaysWhatToSendAndStoresNothing() throws Exception {
        problem(send(put(VOICE), "{\"tone\":\"friendly\"}"), 400, "'assistantName' is required.");
        problem(send(put(VOICE), "{\"assistantName\":\"" + "N".repeat(101) + "\",\"tone\":\"friendly\"}"), 400,
                "'assistantName' must be at most 100 characters.");
        problem(send(put(VOICE), ""), 400, "The request body is empty; send a JSON object");
        problem(send(put(VOICE), "{\"assistantName\":"), 400, "The request body is not valid for this call");
        verify(voices, never()).put(any(), any());
    }

    @Test
    void anotherTenantsVoiceIsNeitherReadNorChanged() throws Exception {
        problem(send(get("/api/v1/tenants/other-co/voice")), 403, "may not see 'other-co'");
        problem(send(put("/api/v1/tenants/other-co/voice"), "{\"assistantName\":\"Otto\",\"tone\":\"dry\"}"), 403,
                "may not see 'other-co'");
        verifyNoInteractions(voices);
    }
}
