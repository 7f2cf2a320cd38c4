package io.resolvehub.api.channels;

import io.resolvehub.HubTestSupport;
import io.resolvehub.api.ApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
        HttpResponse<String> saved = api.putJson("/api/v1/tenants/default/channels/slack",
                "{\"teamId\":\"T0123ABCD\",\"botToken\":\"xoxb-very-secret\"}");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(saved.body()).contains("T0123ABCD").doesNotContain("xoxb-very-secret").contains("********");

        HttpResponse<String> updated = api.putJson("/api/v1/tenants/default/channels/slack",
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
        assertThat(api.putJson("/api/v1/tenants/other/channels/slack",
                "{\"teamId\":\"TSHARED\",\"botToken\":\"xoxb-2\"}").statusCode()).isEqualTo(200);
        HttpResponse<String> taken = api.putJson("/api/v1/tenants/default/channels/slack",
                "{\"teamId\":\"TSHARED\",\"botToken\":\"xoxb-3\"}");
        assertThat(taken.statusCode()).isEqualTo(409);
    }
}
