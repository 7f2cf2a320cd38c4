package io.resolvehub.admin;

import io.resolvehub.api.WebSlice;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A channel link on a hub not configured for that channel, in a web slice (no connector servlet is registered here, as
 * on such a hub): a page in the admin layout that names the settings to set, with a 404 status, not a JSON problem.
 */
@WebMvcTest(UnconfiguredChannelLinks.class)
class UnconfiguredChannelLinksWebTest extends WebSlice {

    /** A page request as the browser sends it; the layout's sign-out form needs the CSRF token the filters would set. */
    private static MockHttpServletRequestBuilder page(String path) {
        return get(path).accept(MediaType.TEXT_HTML)
                .requestAttr("_csrf", new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "test-token"));
    }

    @Test
    void slacksInstallLinkNamesTheSlackAppSettings() throws Exception {
        send(page("/slack/install?tenant=acme"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(allOf(containsString("<h1>Not configured</h1>"),
                        containsString("hub.slack.client-id, hub.slack.client-secret and hub.slack.signing-secret"),
                        containsString("Sign out"), not(containsString("\"status\":404")))));
    }

    @Test
    void teamsPackageLinkNamesTheBotRegistrationSettings() throws Exception {
        send(page("/teams/app-package.zip"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(allOf(containsString("<h1>Not configured</h1>"),
                        containsString("hub.teams.app-id and hub.teams.app-password"))));
    }
}
