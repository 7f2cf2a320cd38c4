package io.resolvehub.process;

import com.slack.api.app_backend.SlackSignature;
import io.resolvehub.api.ApiClient;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Nothing acknowledged is lost: the hub acknowledges a Slack event, is killed with SIGKILL before answering it, and
 * answers it in the thread after it is started again on the same data dir.
 */
class CrashRecoveryIT {

    private static final String SIGNING_SECRET = "crash-test-signing-secret";
    private static final Duration STARTUP = Duration.ofMinutes(3);

    @Test
    void answersASlackEventAcknowledgedBeforeTheHubWasKilled() throws Exception {
        // Under target/, not a temp dir that is wiped: after a failure the data dir and both logs are there to read.
        Path dataDir = Files.createTempDirectory(Files.createDirectories(Path.of(System.getProperty("hub.it.logs", "target/it-logs"))), "crash-").resolve("data");
        try (FakeSlackWebApi slack = new FakeSlackWebApi()) {
            String[] slackSettings = {"--hub.slack.signing-secret=" + SIGNING_SECRET, "--hub.slack.api-url=" + slack.url()};

            // First life: stores and acknowledges events, but no worker ever answers them.
            HubProcess first = HubProcess.start(dataDir, "first", concat(slackSettings, "--hub.pipeline.workers=0"))
                    .awaitHealthy(STARTUP);
            ApiClient api = first.api();
            assertThat(api.putJson("/api/v1/tenants/default/channels/slack",
                    "{\"teamId\":\"T0HUBTEST\",\"botToken\":\"xoxb-crash-test\"}").statusCode()).isBetween(200, 204);
            assertThat(api.postJson("/api/v1/tenants/default/topups",
                    "{\"coins\":100,\"reference\":\"crash-test\"}").statusCode()).isBetween(200, 201);
            await().atMost(Duration.ofMinutes(2)).until(() -> allSourcesReady(api));

            HttpResponse<String> ack = postSignedEvent(first, appMention());
            assertThat(ack.statusCode()).isEqualTo(200);
            first.kill();
            assertThat(slack.calls("chat.postMessage")).as("nothing answered before the crash").isEmpty();

            // Second life on the same data dir: the acknowledged event is answered, in its thread, once.
            try (HubProcess second = HubProcess.start(dataDir, "second", slackSettings).awaitHealthy(STARTUP)) {
                try {
                    await().atMost(Duration.ofMinutes(1)).untilAsserted(() ->
                            assertThat(slack.calls("chat.postMessage")).anySatisfy(call -> {
                                assertThat(call.form()).containsEntry("channel", "C0SUPPORT")
                                        .containsEntry("thread_ts", "1700000000.000100");
                                assertThat(call.form().toString()).containsIgnoringCase("password");
                            }));
                } catch (org.awaitility.core.ConditionTimeoutException e) {
                    throw new AssertionError(e.getMessage() + "\nSlack calls: " + slack.calls()
                            + "\n--- hub log ---\n" + second.tail(), e);
                }
                Thread.sleep(2_000);
                assertThat(slack.calls("chat.postMessage").stream()
                        .filter(c -> "1700000000.000100".equals(c.form().get("thread_ts"))))
                        .as("answered exactly once").hasSize(1);
            }
        }
    }

    private static boolean allSourcesReady(ApiClient api) {
        String body = api.get("/api/v1/tenants/default/sources").body();
        return body.contains("\"status\":\"ready\"") && !body.contains("\"pending\"") && !body.contains("\"indexing\"");
    }

    private static HttpResponse<String> postSignedEvent(HubProcess hub, String body) {
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        String signature = new SlackSignature.Generator(SIGNING_SECRET).generate(timestamp, body);
        ApiClient api = hub.api();
        return api.send(api.anonymous("/slack/events")
                .header("Content-Type", "application/json")
                .header("X-Slack-Request-Timestamp", timestamp)
                .header("X-Slack-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** An {@code app_mention} envelope shaped like Slack's Events API delivery. */
    private static String appMention() {
        return """
                {"token":"ZZZZZZWSxiZZZ2yIvs3peJ","team_id":"T0HUBTEST","api_app_id":"A0HUBAPP",
                 "event":{"client_msg_id":"5b6a2f6e-8a0f-4d3b-9a57-1f1a4a9f0c11","type":"app_mention",
                          "text":"<@U0HUBBOT> how do I reset my password?","user":"U0CUSTOMER",
                          "ts":"1700000000.000100","team":"T0HUBTEST","channel":"C0SUPPORT",
                          "event_ts":"1700000000.000100"},
                 "type":"event_callback","event_id":"Ev0CRASH0001","event_time":1700000000,
                 "authorizations":[{"enterprise_id":null,"team_id":"T0HUBTEST","user_id":"U0HUBBOT","is_bot":true,
                                    "is_enterprise_install":false}],
                 "is_ext_shared_channel":false}""";
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
