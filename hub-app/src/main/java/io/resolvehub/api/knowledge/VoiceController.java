package io.resolvehub.api.knowledge;

import io.resolvehub.agent.VoiceSettings;
import io.resolvehub.agent.VoiceSettingsRepository;
import io.resolvehub.api.ApiException;
import io.resolvehub.api.TenantAccess;
import io.resolvehub.core.TenantId;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /voice}: the tenant's assistant name, tone, greeting and sign-off. */
@RestController
@RequestMapping("/api/v1/tenants/{tenant}/voice")
class VoiceController {

    record Voice(String assistantName, String tone, String greeting, String signOff) {
        static Voice of(VoiceSettings v) {
            return new Voice(v.assistantName(), v.tone(), v.greeting(), v.signOff());
        }
    }

    private final VoiceSettingsRepository voices;
    private final TenantAccess access;

    VoiceController(VoiceSettingsRepository voices, TenantAccess access) {
        this.voices = voices;
        this.access = access;
    }

    @GetMapping
    Voice get(@PathVariable String tenant) {
        return Voice.of(voices.get(access.require(tenant)));
    }

    @PutMapping
    Voice put(@PathVariable String tenant, @RequestBody Voice body) {
        TenantId id = access.require(tenant);
        if (body == null) {
            throw ApiException.badRequest("Send {\"assistantName\",\"tone\",\"greeting\",\"signOff\"}.");
        }
        VoiceSettings settings;
        try {
            settings = new VoiceSettings(body.assistantName(), body.tone(), body.greeting(), body.signOff());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage() + ".");
        }
        voices.put(id, settings);
        return Voice.of(settings);
    }
}
