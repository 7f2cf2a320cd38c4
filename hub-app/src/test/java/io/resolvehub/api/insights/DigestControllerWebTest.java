package io.resolvehub.api.insights;

import io.resolvehub.api.WebSlice;
import io.resolvehub.insights.DigestDelivery;
import io.resolvehub.insights.DigestSettings;
import io.resolvehub.insights.Digests;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import java.time.Instant;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The digest's REST calls in a web slice, the digests stood in (saving validates as the real one does): settings are
 * saved cleaned; settings the digest refuses are 400 saying what to send and that nothing changed; an unknown member,
 * a non-string value, a non-object body and another or unknown tenant are refused before the digests are asked;
 * sending now is 202 with the delivery.
 */
@WebMvcTest(DigestController.class)
class DigestControllerWebTest extends WebSlice {

    @MockitoBean
    Digests digests;

    private void savingValidates() {
        when(digests.save(any(), any())).thenAnswer(call -> call.getArgument(1, DigestSettings.class).validated());
    }

    @Test
    void settingsAreSavedCleaned() throws Exception {
        savingValidates();
        send(put("/api/v1/tenants/acme/digest"), "{\"channel\":\" Slack \",\"target\":\"C0123ABCD\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.channel").value("slack"))
                .andExpect(jsonPath("$.timeZone").value("UTC"));
    }

    @Test
    void settingsTheDigestRefusesSayWhatToSend() throws Exception {
        savingValidates();
        problem(send(put("/api/v1/tenants/acme/digest"), "{\"channel\":\"email\",\"target\":\"lead\"}"), 400,
                "'target' must be an email address (e.g. \"support-lead@example.com\") when 'channel' is \"email\". Nothing was changed.");
    }

    @Test
    void badBodiesAndOtherTenantsAreRefusedBeforeTheDigestsAreAsked() throws Exception {
        problem(send(put("/api/v1/tenants/acme/digest"), "{\"channel\":\"slack\",\"when\":\"friday\"}"), 400,
                "Unknown member 'when': the digest takes schedule, channel, target and timeZone.");
        problem(send(put("/api/v1/tenants/acme/digest"), "{\"target\":7}"), 400, "'target' must be a string.");
        problem(send(put("/api/v1/tenants/acme/digest"), "\"weekly\""), 400, "Send a JSON object, e.g.");
        problem(send(put("/api/v1/tenants/other-co/digest"), "{}"), 403, "may not see 'other-co'");
        problem(send(post("/api/v1/tenants/other-co/digest/send")), 403, "may not see 'other-co'");
        problem(send(post("/api/v1/tenants/nobody/digest/send")), 404, "There is no tenant 'nobody'");
        verifyNoInteractions(digests);
    }

    @Test
    void sendingNowIsAcceptedWithItsDelivery() throws Exception {
        when(digests.sendNow(ACME)).thenReturn(new DigestDelivery(9, "acme", "2026-W49", Instant.EPOCH, Instant.EPOCH,
                "slack", "C0123ABCD", "pending", 0, null, Instant.EPOCH, null));
        send(post("/api/v1/tenants/acme/digest/send")).andExpect(status().isAccepted())
                .andExpect(jsonPath("$.id").value(9)).andExpect(jsonPath("$.status").value("pending"));
    }
}
