package io.resolvehub.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.regex.JoniRegularExpressionFactory;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Teams app package: a flat zip of the manifest and two icons, the manifest valid against Microsoft's published
 * schema v1.24 (kept as a test resource, see {@code teams/schema/SOURCE.md}), the icons of the sizes Teams requires.
 */
class TeamsAppPackageTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String APP_ID = TeamsHub.APP_ID;

    @Test
    void theManifestValidatesAgainstTheTeamsSchemaAndNamesTheBot() throws IOException {
        JsonNode manifest = JSON.readTree(new TeamsAppPackage(APP_ID, "https://hub.example.com/").manifest());

        assertThat(errors(manifest)).isEmpty();
        assertThat(manifest.path("manifestVersion").asText()).isEqualTo("1.24");
        assertThat(manifest.path("id").asText()).isEqualTo(APP_ID);
        assertThat(manifest.path("bots").get(0).path("botId").asText()).isEqualTo(APP_ID);
        assertThat(manifest.path("bots").get(0).path("scopes")).extracting(JsonNode::asText)
                .containsExactly("personal", "team", "groupChat");
        assertThat(manifest.path("developer").path("privacyUrl").asText()).isEqualTo("https://hub.example.com/privacy");
    }

    @Test
    void theSchemaCheckCatchesAMissingRequiredFieldAnUnknownScopeAndAnIdThatIsNoGuid() throws IOException {
        ObjectNode manifest = (ObjectNode) JSON.readTree(new TeamsAppPackage(APP_ID, "https://hub.example.com").manifest());
        manifest.remove("accentColor");
        ((ArrayNode) manifest.path("bots").get(0).path("scopes")).add("channel");
        manifest.put("id", "resolvehub-bot");

        List<Error> errors = errors(manifest);

        assertThat(errors).hasSize(3);
        assertThat(errors.toString()).contains("accentColor", "scopes", "/id");
    }

    @Test
    void thePackageIsAFlatZipOfTheManifestAndIconsOfTheRequiredSizes() throws IOException {
        Map<String, byte[]> entries = unzip(new TeamsAppPackage(APP_ID, "https://hub.example.com").zip());

        assertThat(entries).containsOnlyKeys("manifest.json", "color.png", "outline.png");
        JsonNode manifest = JSON.readTree(entries.get("manifest.json"));
        assertThat(manifest.path("icons").path("color").asText()).isEqualTo("color.png");
        BufferedImage color = ImageIO.read(new ByteArrayInputStream(entries.get("color.png")));
        BufferedImage outline = ImageIO.read(new ByteArrayInputStream(entries.get("outline.png")));
        assertThat(color.getWidth()).isEqualTo(192);
        assertThat(color.getHeight()).isEqualTo(192);
        assertThat(outline.getWidth()).isEqualTo(32);
        assertThat(outline.getHeight()).isEqualTo(32);
        for (int x = 0; x < 32; x++) {
            for (int y = 0; y < 32; y++) {
                int argb = outline.getRGB(x, y);
                boolean transparent = (argb >>> 24) == 0;
                boolean white = (argb & 0xFFFFFF) == 0xFFFFFF;
                assertThat(transparent || white).as("outline pixel %d,%d is white or transparent", x, y).isTrue();
            }
        }
    }

    @Test
    void refusesToBuildAPackageWithoutAGuidAppIdOrAnHttpsWebsite() {
        assertThatThrownBy(() -> new TeamsAppPackage("my-bot", "https://hub.example.com")).hasMessageContaining("hub.teams.app-id");
        assertThatThrownBy(() -> new TeamsAppPackage(APP_ID, "http://hub.example.com")).hasMessageContaining("https");
    }

    @Test
    void theHubServesThePackageForDownload() throws Exception {
        TeamsHub hub = TeamsHub.shared();
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(hub.baseUrl() + "/teams/app-package.zip")).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/zip");
        Map<String, byte[]> entries = unzip(response.body());
        JsonNode manifest = JSON.readTree(entries.get("manifest.json"));
        assertThat(manifest.path("bots").get(0).path("botId").asText()).isEqualTo(TeamsHub.APP_ID);
        assertThat(manifest.path("developer").path("websiteUrl").asText()).isEqualTo(TeamsHub.WEBSITE);
        assertThat(errors(manifest)).isEmpty();
    }

    private static List<Error> errors(JsonNode manifest) throws IOException {
        try (InputStream schema = TeamsAppPackageTest.class.getResourceAsStream("/teams/schema/MicrosoftTeams.v1.24.schema.json")) {
            // The schema's patterns are ECMAScript (e.g. \v): Joni reads them as a JavaScript validator would.
            Schema teams = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4, registry -> registry.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().regularExpressionFactory(JoniRegularExpressionFactory.getInstance()).build()))
                    .getSchema(schema);
            return teams.validate(manifest);
        }
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
