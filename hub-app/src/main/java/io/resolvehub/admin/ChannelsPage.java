package io.resolvehub.admin;

import io.resolvehub.api.ApiException;
import io.resolvehub.api.TenantAccess;
import io.resolvehub.api.channels.ChannelRecords;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.channel.ChannelConfigProperty;
import io.resolvehub.core.channel.Verification;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Channels: Add to Slack (the OAuth install), the Teams app package, and a settings form per channel with a
 * connection test. Secrets show as a mask and are kept when the mask comes back. A channel the hub is not configured
 * for says which settings to set instead of linking to a page that does not exist.
 */
@Controller
@AdminPage
@RequestMapping("/t/{tenant}/channels")
class ChannelsPage {

    private static final List<String> CHANNELS = List.of("slack", "teams", "zendesk");

    /** One channel's form: its fields, the stored (masked) values, and whether the tenant has connected it. */
    record ChannelForm(String channel, List<ChannelConfigProperty> fields, Map<String, String> values, boolean connected) {
    }

    private final ChannelRecords records;
    private final TenantAccess access;
    private final Environment environment;

    ChannelsPage(ChannelRecords records, TenantAccess access, Environment environment) {
        this.records = records;
        this.access = access;
        this.environment = environment;
    }

    @GetMapping
    String page(@PathVariable String tenant, Model model) {
        return page(tenant, model, null, Map.of());
    }

    /** @param typed what was just submitted for {@code channel}, shown again instead of the stored values */
    private String page(String tenant, Model model, String channel, Map<String, String> typed) {
        TenantId id = access.require(tenant);
        List<ChannelForm> forms = CHANNELS.stream().map(ch -> {
            var stored = records.find(id, ch);
            Map<String, String> values = ch.equals(channel) ? typed
                    : stored.map(ChannelRecords.ChannelView::settings).orElse(Map.of());
            return new ChannelForm(ch, records.properties(ch), values, stored.isPresent());
        }).toList();
        model.addAttribute("forms", forms);
        model.addAttribute("slackReady", configured("hub.slack.client-id", "hub.slack.client-secret", "hub.slack.signing-secret"));
        model.addAttribute("teamsReady", configured("hub.teams.app-id", "hub.teams.app-password"));
        model.addAttribute("zendeskWebhook", "/zendesk/webhook/" + id);
        return "channels";
    }

    @PostMapping("/{channel}")
    String save(@PathVariable String tenant, @PathVariable String channel, @RequestParam Map<String, String> form,
                @RequestParam(defaultValue = "save") String action, Model model, RedirectAttributes redirect) {
        TenantId id = access.require(tenant);
        Map<String, String> given = new LinkedHashMap<>();
        records.properties(channel).forEach(p -> {
            if (form.containsKey(p.name())) given.put(p.name(), form.get(p.name()));
        });
        try {
            if ("test".equals(action)) {
                Verification result = records.test(id, channel, given);
                model.addAttribute("tested", Map.of(channel, (result.ok() ? "Connected: " : "Not connected: ") + result.detail()));
                model.addAttribute("testOk", result.ok());
                return page(tenant, model, channel, given);
            }
            records.save(id, channel, given);
        } catch (ApiException e) {
            model.addAttribute("errors", Map.of(channel, e.getMessage()));
            return page(tenant, model, channel, given);
        }
        redirect.addFlashAttribute("notice", channel + " settings saved.");
        return "redirect:/t/" + tenant + "/channels";
    }

    private boolean configured(String... keys) {
        for (String key : keys) {
            String value = environment.getProperty(key);
            if (value == null || value.isBlank()) return false;
        }
        return true;
    }
}
