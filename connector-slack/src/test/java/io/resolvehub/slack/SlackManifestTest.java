package io.resolvehub.slack;

import com.google.gson.Gson;
import com.slack.api.model.manifest.AppManifest;
import com.slack.api.util.json.GsonFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * slack-app-manifest.yml, read into the Slack SDK's own {@link AppManifest} (Slack validates manifests only online),
 * lists exactly what the code uses.
 */
class SlackManifestTest {

    private static AppManifest manifest;

    @BeforeAll
    static void read() throws IOException {
        Map<String, Object> yaml = new Yaml().load(Files.readString(Path.of("slack-app-manifest.yml")));
        Gson gson = GsonFactory.createSnakeCase();
        manifest = gson.fromJson(gson.toJson(yaml), AppManifest.class);
    }

    @Test
    void subscribesToExactlyTheEventsTheHubHandles() {
        assertThat(manifest.getSettings().getEventSubscriptions().getBotEvents())
                .containsExactlyInAnyOrderElementsOf(SlackBoltApp.BOT_EVENTS.keySet());
        assertThat(manifest.getSettings().getEventSubscriptions().getUserEvents()).isNullOrEmpty();
    }

    @Test
    void requestsExactlyTheScopesTheInstallAsksFor() {
        assertThat(manifest.getOauthConfig().getScopes().getBot()).containsExactlyInAnyOrderElementsOf(SlackProperties.DEFAULT_SCOPES);
        assertThat(manifest.getOauthConfig().getScopes().getUser()).isNullOrEmpty();
    }

    @Test
    void pointsEventsInteractivityAndTheCommandAtTheHubsEndpoints() {
        String events = "HUB_BASE_URL" + SlackBoltApp.EVENTS_PATH;
        assertThat(manifest.getSettings().getEventSubscriptions().getRequestUrl()).isEqualTo(events);
        assertThat(manifest.getSettings().getInteractivity().getIsEnabled()).isTrue();
        assertThat(manifest.getSettings().getInteractivity().getRequestUrl()).isEqualTo(events);
        assertThat(manifest.getFeatures().getSlashCommands()).singleElement().satisfies(command -> {
            assertThat(command.getCommand()).isEqualTo(SlackBoltApp.ASK_COMMAND);
            assertThat(command.getUrl()).isEqualTo(events);
        });
        assertThat(manifest.getOauthConfig().getRedirectUrls()).containsExactly("HUB_BASE_URL" + SlackBoltApp.REDIRECT_PATH);
        assertThat(manifest.getSettings().getSocketModeEnabled()).isFalse();
    }

    @Test
    void satisfiesSlacksDisplayRules() {
        AppManifest.DisplayInformation display = manifest.getDisplayInformation();
        assertThat(display.getName()).isNotBlank().hasSizeLessThanOrEqualTo(35);
        assertThat(display.getDescription()).hasSizeLessThanOrEqualTo(140);
        assertThat(display.getLongDescription()).hasSizeBetween(174, 4000);
        assertThat(display.getBackgroundColor()).matches("#[0-9a-fA-F]{6}");
        assertThat(manifest.getFeatures().getBotUser().getDisplayName()).hasSizeLessThanOrEqualTo(80);
    }
}
