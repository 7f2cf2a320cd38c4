package io.resolvehub.admin;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The channel links the README and the platforms' docs point at, on a hub that is not configured for that channel:
 * a page that says which settings to set, not the API's bare 404. When the channel is configured its connector's
 * servlet is mapped to the exact path and answers instead, so these handlers are reached only while it is not.
 */
@Controller
@AdminPage
class UnconfiguredChannelLinks {

    @GetMapping("/slack/install")
    String slackInstall(Model model, HttpServletResponse response) {
        return explain(model, response, "Adding to Slack is not set up on this hub: it has no Slack app. Whoever runs "
                + "the hub sets hub.slack.client-id, hub.slack.client-secret and hub.slack.signing-secret and restarts "
                + "it. Until then a tenant's admin can enter a bot token on the Channels page.");
    }

    @GetMapping("/teams/app-package.zip")
    String teamsAppPackage(Model model, HttpServletResponse response) {
        return explain(model, response, "There is no Teams app package on this hub: it has no bot registration. "
                + "Whoever runs the hub sets hub.teams.app-id and hub.teams.app-password and restarts it; the package "
                + "is then served here.");
    }

    private static String explain(Model model, HttpServletResponse response, String message) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("status", HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("heading", "Not configured");
        model.addAttribute("message", message);
        return "error-page";
    }
}
