package io.resolvehub.zendesk;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The marketplace app in {@code zendesk-app/} against the rules Zendesk's server-side validation applies to an app
 * package (manifest, translations, assets, requirements), restated here because {@code zcli apps:validate} needs the
 * network. Rules follow Zendesk's manifest and requirements references and the validator behind them.
 */
class ZendeskAppPackageTest {

    private static final Path APP = Path.of("zendesk-app");
    private static final ObjectMapper STRICT = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final Set<String> PARAMETER_TYPES = Set.of("text", "checkbox", "url", "number", "multiline", "hidden", "oauth");
    private static final Set<String> SECURE_SCOPES = Set.of("header", "body", "url", "jwt_secret_key", "jwt_claim",
            "basic_auth_username", "basic_auth_password");
    private static final Set<String> SUPPORT_LOCATIONS = Set.of("ticket_sidebar", "new_ticket_sidebar", "user_sidebar",
            "organization_sidebar", "top_bar", "nav_bar", "ticket_editor", "background", "modal");
    private static final Set<String> REQUIREMENT_TYPES = Set.of("automations", "channel_integrations", "custom_objects",
            "macros", "targets", "views", "ticket_fields", "triggers", "user_fields", "organization_fields", "webhooks",
            "custom_objects_v2");

    private static JsonNode read(String file) throws IOException {
        return STRICT.readTree(Files.readString(APP.resolve(file), StandardCharsets.UTF_8)); // duplicate keys fail here
    }

    @Test
    void theManifestHasTheRequiredFieldsForFrameworkVersion2() throws IOException {
        JsonNode manifest = read("manifest.json");

        assertThat(manifest.path("name").asText()).isNotBlank();
        assertThat(manifest.path("author").path("name").asText()).isNotBlank();
        assertThat(manifest.path("author").path("email").asText()).contains("@");
        String authorUrl = manifest.path("author").path("url").asText("");
        if (!authorUrl.isEmpty()) {
            assertThat(URI.create(authorUrl).getScheme()).isIn("http", "https");
        }
        assertThat(manifest.path("frameworkVersion").asText()).isEqualTo("2.0");
        assertThat(manifest.path("version").asText()).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(manifest.path("private").isBoolean()).isTrue();
        assertThat(manifest.has("noTemplate")).as("noTemplate is not allowed with iframe apps").isFalse();
    }

    @Test
    void theDefaultLocaleHasItsTranslationFileWithTheAppsTextsAndEveryParametersLabel() throws IOException {
        JsonNode manifest = read("manifest.json");
        String locale = manifest.path("defaultLocale").asText();
        assertThat(locale).matches("[a-z]{2,3}(-[a-z0-9]+)?");

        JsonNode translations = read("translations/" + locale + ".json");

        JsonNode app = translations.path("app");
        for (String field : List.of("name", "short_description", "long_description", "installation_instructions")) {
            assertThat(app.path(field).asText()).as("app." + field).isNotBlank();
        }
        for (JsonNode parameter : manifest.path("parameters")) {
            assertThat(app.path("parameters").path(parameter.path("name").asText()).path("label").asText())
                    .as("label of parameter " + parameter.path("name")).isNotBlank();
        }
    }

    @Test
    void everyLocationIsAKnownSupportLocationServedFromTheAppsAssets() throws IOException {
        JsonNode location = read("manifest.json").path("location");
        assertThat(location.fieldNames()).toIterable().containsOnly("support");
        JsonNode support = location.path("support");
        assertThat(support.size()).isPositive();

        for (Iterator<Map.Entry<String, JsonNode>> it = support.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            assertThat(SUPPORT_LOCATIONS).contains(entry.getKey());
            JsonNode options = entry.getValue();
            String url = options.isTextual() ? options.asText() : options.path("url").asText();
            assertThat(url).as("url of " + entry.getKey()).isNotBlank();
            if (!url.startsWith("https://")) {
                assertThat(url).startsWith("assets/");
                assertThat(APP.resolve(url)).isRegularFile();
            }
            if (options.has("flexible")) {
                assertThat(options.get("flexible").isBoolean()).isTrue();
            }
        }
    }

    @Test
    void parametersAreUniqueTypedAndSecureWhereTheyHaveScopes() throws IOException {
        JsonNode parameters = read("manifest.json").path("parameters");
        assertThat(parameters.isArray()).isTrue();
        Set<String> names = new HashSet<>();

        for (JsonNode parameter : parameters) {
            String name = parameter.path("name").asText();
            assertThat(names.add(name)).as("duplicate parameter " + name).isTrue();
            assertThat(name).as("'name' is reserved").isNotEqualTo("name");
            assertThat(PARAMETER_TYPES).contains(parameter.path("type").asText());
            if (parameter.has("required")) {
                assertThat(parameter.get("required").isBoolean()).isTrue();
            }
            if ("hidden".equals(parameter.path("type").asText())) {
                assertThat(parameter.path("required").asBoolean(false)).isFalse();
            }
            if (parameter.has("scopes")) {
                assertThat(parameter.path("secure").asBoolean(false)).as(name + " has scopes, so must be secure").isTrue();
                assertThat(parameter.get("scopes")).isNotEmpty();
                parameter.get("scopes").forEach(scope -> assertThat(SECURE_SCOPES).contains(scope.asText()));
            }
        }
    }

    @Test
    void theMarketplaceLogosAreSquarePngsOfTheRequiredSizes() throws IOException {
        BufferedImage logo = ImageIO.read(APP.resolve("assets/logo.png").toFile());
        BufferedImage small = ImageIO.read(APP.resolve("assets/logo-small.png").toFile());

        assertThat(logo.getWidth()).isEqualTo(320);
        assertThat(logo.getHeight()).isEqualTo(320);
        assertThat(small.getWidth()).isEqualTo(128);
        assertThat(small.getHeight()).isEqualTo(128);
    }

    @Test
    void requirementsInstallTheWebhookAndATriggerThatCallsIt() throws IOException {
        JsonNode requirements = read("requirements.json");
        assertThat(REQUIREMENT_TYPES).containsAll(iterable(requirements.fieldNames()));
        int count = 0;
        for (Iterator<Map.Entry<String, JsonNode>> types = requirements.fields(); types.hasNext(); ) {
            Map.Entry<String, JsonNode> type = types.next();
            for (Iterator<Map.Entry<String, JsonNode>> items = type.getValue().fields(); items.hasNext(); ) {
                Map.Entry<String, JsonNode> item = items.next();
                count++;
                if (!Set.of("channel_integrations", "custom_objects", "webhooks", "custom_objects_v2").contains(type.getKey())) {
                    assertThat(item.getValue().path("title").asText()).as("title of " + item.getKey()).isNotBlank();
                }
                if (type.getKey().equals("targets")) {
                    assertThat(item.getValue().path("type").asText()).isNotIn("http_target", "url_target_v2");
                }
            }
        }
        assertThat(count).isBetween(1, 5000);

        JsonNode webhooks = requirements.path("webhooks");
        assertThat(webhooks.size()).isEqualTo(1);
        String webhookKey = webhooks.fieldNames().next();
        JsonNode webhook = webhooks.get(webhookKey);
        for (String field : List.of("name", "status", "endpoint", "http_method", "request_format")) {
            assertThat(webhook.path(field).asText()).as("webhook " + field).isNotBlank();
        }
        assertThat(webhook.path("endpoint").asText()).endsWith("/zendesk/webhook/{{setting.tenant}}");
        assertThat(webhook.path("http_method").asText()).isEqualTo("POST");
        assertThat(webhook.path("request_format").asText()).isEqualTo("json");

        List<JsonNode> calls = new ArrayList<>();
        requirements.path("triggers").forEach(trigger -> trigger.path("actions").forEach(action -> {
            if (action.path("field").asText().equals("notification_webhook")) {
                calls.add(action.path("value"));
            }
        }));
        assertThat(calls).isNotEmpty().allSatisfy(value -> {
            assertThat(value.get(0).asText()).isEqualTo(webhookKey);
            String body = value.get(1).asText().replace("{{ticket.id}}", "35436").replace("{{ticket.status}}", "New");
            assertThat(ZendeskWebhook.ticketId(body.getBytes(StandardCharsets.UTF_8)))
                    .as("the body the trigger sends is one the hub understands").isEqualTo(35436L);
        });
    }

    private static <T> Iterable<T> iterable(Iterator<T> iterator) {
        List<T> all = new ArrayList<>();
        iterator.forEachRemaining(all::add);
        return all;
    }
}
