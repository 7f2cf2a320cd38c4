package io.resolvehub.api.channels;

import io.resolvehub.HubTestSupport;
import io.resolvehub.api.ApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Channel records over real HTTP, validated against the real Slack connector's settings, stored encrypted. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ChannelsApiTest {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        HubTestSupport.hubDefaults(registry);
        registry.add("hub.demo.enabled", () -> "false");
        registry.add("hub.slack.api-url", () -> "http://127.0.0.1:9/api/"); // nothing listens: Slack is unreachable
    }

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void storesSlackSettingsMasksTheTokenAndKeepsItWhenLeftOut() {
        HttpResponse<String> saved = api.putJson("/api/v1/tenants/default/channels/slack?verify=false",
                "{\"teamId\":\"T0123ABCD\",\"botToken\":\"xoxb-very-secret\"}");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(saved.body()).contains("T0123ABCD").doesNotContain("xoxb-very-secret").contains("********");

        HttpResponse<String> updated = api.putJson("/api/v1/tenants/default/channels/slack?verify=false",
                "{\"teamId\":\"T0123ABCD\",\"escalationChannel\":\"C999\"}");
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);

        HttpResponse<String> listed = api.get("/api/v1/tenants/default/channels");
        assertThat(listed.body()).contains("\"channel\":\"slack\"").contains("C999").contains("\"botToken\":\"********\"")
                .doesNotContain("xoxb-very-secret");
    }

    @Test
    void refusesMissingUnknownAndTakenSettingsWithoutChangingAnything() {
        HttpResponse<String> missing = api.putJson("/api/v1/tenants/default/channels/slack", "{\"botToken\":\"xoxb-1\"}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("'teamId'");

        HttpResponse<String> unknown = api.putJson("/api/v1/tenants/default/channels/slack",
                "{\"teamId\":\"T1\",\"botToken\":\"xoxb-1\",\"token\":\"x\"}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("[token]");

        assertThat(api.putJson("/api/v1/tenants/default/channels/fax", "{}").statusCode()).isEqualTo(404);

        assertThat(api.postJson("/api/v1/tenants", "{\"id\":\"other\",\"name\":\"Other\"}").statusCode()).isEqualTo(201);
        assertThat(api.putJson("/api/v1/tenants/other/channels/slack?verify=false",
                "{\"teamId\":\"TSHARED\",\"botToken\":\"xoxb-2\"}").statusCode()).isEqualTo(200);
        HttpResponse<String> taken = api.putJson("/api/v1/tenants/default/channels/slack?verify=false",
                "{\"teamId\":\"TSHARED\",\"botToken\":\"xoxb-3\"}");
        assertThat(taken.statusCode()).isEqualTo(409);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "zendesk | {\"url\":\"ftp://x\",\"email\":\"a@acme.example\",\"apiToken\":\"t\",\"webhookSecret\":\"s\"} | 'url' must be an http(s) URL",
            "zendesk | {\"url\":\"https://acme.zendesk.com\",\"email\":\"a@acme.example\",\"apiToken\":\"t\",\"webhookSecret\":\"s\",\"handoffGroupId\":\"abc\"} | 'handoffGroupId' must be a numeric Zendesk id",
            "teams | {\"teamsTenantId\":\"not-a-guid; DROP\"} | must be the tenant's GUID",
            "slack | {\"teamId\":\"xoxb-123!!\",\"botToken\":\"xoxb-1\"} | must be a Slack workspace id",
            "slack | {\"teamId\":\"T0123ABCD\",\"botToken\":\"not a token\"} | must be a bot token"})
    void settingsNotInThePlatformsShapeAreRefusedEvenUnverified(String channel, String body, String detail) {
        String before = api.get("/api/v1/tenants/default/channels").body();

        HttpResponse<String> response = api.putJson("/api/v1/tenants/default/channels/" + channel + "?verify=false", body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains(detail).contains("Nothing was changed");
        assertThat(api.get("/api/v1/tenants/default/channels").body()).isEqualTo(before);
    }

    @Test
    void aPutRunsTheConnectorsVerificationAndStoresNothingWhenThePlatformRefuses() {
        // the test hub's Slack Web API is not reachable: the connector's verify() reports it
        HttpResponse<String> response = api.putJson("/api/v1/tenants/default/channels/slack",
                "{\"teamId\":\"T0VERIFY1\",\"botToken\":\"xoxb-never-checked\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("The slack settings do not work").contains("?verify=false");
        assertThat(api.get("/api/v1/tenants/default/channels").body()).doesNotContain("T0VERIFY1");
    }
}
