package io.resolvehub.admin;

import io.resolvehub.agent.VoiceSettings;
import io.resolvehub.agent.VoiceSettingsRepository;
import io.resolvehub.api.TenantAccess;
import io.resolvehub.core.TenantId;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;

/** Voice: the assistant's name, tone, greeting and sign-off, validated by {@link VoiceSettings} as the API does. */
@Controller
@AdminPage
@RequestMapping("/t/{tenant}/voice")
class VoicePage {

    private final VoiceSettingsRepository voices;
    private final TenantAccess access;

    VoicePage(VoiceSettingsRepository voices, TenantAccess access) {
        this.voices = voices;
        this.access = access;
    }

    @GetMapping
    String page(@PathVariable String tenant, Model model) {
        model.addAttribute("voice", voices.get(access.require(tenant)));
        return "voice";
    }

    @PostMapping
    String save(@PathVariable String tenant, @RequestParam(defaultValue = "") String assistantName,
                @RequestParam(defaultValue = "") String tone, @RequestParam(defaultValue = "") String greeting,
                @RequestParam(defaultValue = "") String signOff, Model model, RedirectAttributes redirect) {
        TenantId id = access.require(tenant);
        try {
            voices.put(id, new VoiceSettings(assistantName, tone, greeting, signOff));
        } catch (IllegalArgumentException e) {
            // VoiceSettings cannot be built from invalid values, so the form is shown back from a plain record
            model.addAttribute("voice", new Typed(assistantName, tone, greeting, signOff));
            model.addAttribute("errors", FieldErrors.byField(List.of(e.getMessage()), "assistantName", "tone",
                    "greeting", "signOff"));
            return "voice";
        }
        redirect.addFlashAttribute("notice", "Voice saved.");
        return "redirect:/t/" + tenant + "/voice";
    }

    record Typed(String assistantName, String tone, String greeting, String signOff) {
    }
}
