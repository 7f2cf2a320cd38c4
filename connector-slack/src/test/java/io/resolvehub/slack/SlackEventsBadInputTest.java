package io.resolvehub.slack;

import io.resolvehub.core.InboundKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /slack/events} with what an attacker or a broken client sends: never a 5xx, a problem+json whose detail
 * says what is wrong, nothing stored, nothing remembered.
 */
class SlackEventsBadInputTest {

    private static SlackHub hub;

    @BeforeAll
    static void start() {
        hub = SlackHub.shared();
    }

    @BeforeEach
    void freshState() {
        hub.reset().installed();
    }

    @Test
    void anUnsignedBodyThatIsNotUtf8IsRefusedAsUnsigned() {
        HttpResponse<String> response = hub.postBytes(new byte[] {(byte) 0xff}, "Content-Type", "application/json");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"detail\"").doesNotContain("Exception").doesNotContain("at io.");
        assertThat(hub.intake.accepted()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"type\":\"event_callback\",\"team_id\":\"T0HUBTEST\",\"event\":1}",
            "{\"type\":[]}",
            "[]",
            "{\"type\":\"event_callback\",\"team_id\":\"T0HUBTEST\",\"event\":{\"type\":\"app_mention\",\"user\":{},"
                    + "\"text\":\"hi\",\"ts\":\"1700000000.000100\",\"channel\":\"C0SUPPORT\"}}",
            "{\"type\":\"event_callback\",\"team_id\":\"T0HUBTEST\",\"event\":{\"type\":\"app_mention\",\"user\":\"U0CUSTOMER\","
                    + "\"text\":\"hi\",\"channel\":\"C0SUPPORT\"}}",
            "{\"type\":\"event_callback\",\"team_id\":[1],\"event\":{\"type\":\"app_mention\",\"user\":\"U0CUSTOMER\","
                    + "\"text\":\"hi\",\"ts\":\"1700000000.000100\",\"channel\":\"C0SUPPORT\"}}"})
    void aSignedJsonBodyOfTheWrongShapeIsABadRequest(String body) {
        HttpResponse<String> response = hub.postEvent(body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"detail\"").doesNotContain("Exception").doesNotContain("io.resolvehub");
        assertThat(hub.intake.accepted()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"payload=[]", "payload=%7B%22type%22%3A1%7D", "payload=%7B", "command=%2Fask&text=hi"})
    void aSignedFormOfTheWrongShapeIsABadRequest(String form) {
        HttpResponse<String> response = hub.postForm(form);

        assertThat(response.statusCode()).isBetween(200, 499);
        assertThat(hub.intake.accepted()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"user\": \"U0CUSTOMER\"", "\"channel\": \"C0SUPPORT\"", "\"ts\": \"1700000000.000100\""})
    void aPlatformFieldLongerThanTheHubKeepsIsABadRequestAndNothingIsStoredOrRemembered(String field) {
        String name = field.substring(0, field.indexOf(':'));
        String oversized = SlackHub.sample("events/app_mention.json")
                .replace(field, name + ": \"" + "U".repeat(200_000) + "\"");

        HttpResponse<String> response = hub.postEvent(oversized);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("longer than");
        assertThat(hub.intake.accepted()).isEmpty();
        assertThat(hub.jdbc().sql("select count(*) from slack_threads").query(Long.class).single()).isZero();
    }

    @Test
    void aMentionOfTwoHundredThousandCharactersIsTakenCutSoItsUserIsAskedToShortenIt() {
        String huge = SlackHub.sample("events/app_mention.json")
                .replace("how do I reset my password?\",", "how do I reset my password? " + "again ".repeat(33_000) + "\",");

        HttpResponse<String> response = hub.postEvent(huge);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(hub.intake.accepted()).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(InboundKind.TOO_LONG);
            assertThat(m.text()).hasSizeLessThanOrEqualTo(4000).startsWith("how do I reset my password?");
        });
    }

    @Test
    void anAskOverTheCapIsTakenCutAsWell() {
        String form = SlackHub.sample("commands/ask.txt").replace("text=how+do+I+export+my+data%3F",
                "text=" + URLEncoder.encode("how do I export " + "my data ".repeat(1000), StandardCharsets.UTF_8));

        HttpResponse<String> response = hub.postForm(form);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(hub.intake.accepted()).singleElement()
                .satisfies(m -> assertThat(m.kind()).isEqualTo(InboundKind.TOO_LONG));
    }
}
