package io.resolvehub.api.channels;

import io.resolvehub.api.WebSlice;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import java.util.List;
import java.util.Map;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The channel records' REST calls in a web slice, the records stood in: the list shows stored settings masked; a PUT
 * hands the given settings (numbers as text) and the verify flag to the records; a body that is not an object, a
 * setting that is not a string and another or unknown tenant are refused before anything is saved. (The settings'
 * own rules and the platform check run for real in ChannelRecordsTest and the channel contracts.)
 */
@WebMvcTest(ChannelsController.class)
class ChannelsControllerWebTest extends WebSlice {

    @MockitoBean
    ChannelRecords records;

    @Test
    void theListShowsStoredSettingsMasked() throws Exception {
        when(records.list(ACME)).thenReturn(List.of(new ChannelRecords.ChannelView("zendesk",
                Map.of("subdomain", "acme", "apiToken", ChannelRecords.MASK))));
        send(get("/api/v1/tenants/acme/channels")).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].channel").value("zendesk"))
                .andExpect(jsonPath("$[0].settings.apiToken").value("********"));
    }

    @Test
    void aPutHandsTheSettingsAndTheVerifyFlagToTheRecords() throws Exception {
        when(records.save(ACME, "zendesk", Map.of("subdomain", "acme", "brandId", "42"), false))
                .thenReturn(new ChannelRecords.ChannelView("zendesk", Map.of("subdomain", "acme")));
        send(put("/api/v1/tenants/acme/channels/zendesk?verify=false"), "{\"subdomain\":\"acme\",\"brandId\":42,\"x\":null}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.settings.subdomain").value("acme"));
    }

    @Test
    void badBodiesAndOtherTenantsAreRefusedBeforeAnythingIsSaved() throws Exception {
        problem(send(put("/api/v1/tenants/acme/channels/slack"), "[\"token\"]"), 400,
                "must be a JSON object with the settings of slack; GET /api/v1/tenants/acme/channels shows");
        problem(send(put("/api/v1/tenants/acme/channels/slack"), "{\"botToken\":{\"v\":1}}"), 400,
                "'botToken' must be a string. Nothing was changed.");
        problem(send(put("/api/v1/tenants/other-co/channels/slack"), "{}"), 403, "may not see 'other-co'");
        problem(send(get("/api/v1/tenants/nobody/channels")), 404, "There is no tenant 'nobody'");
        verify(records, never()).save(any(), anyString(), anyMap(), anyBoolean());
        verify(records, never()).list(any());
    }
}
