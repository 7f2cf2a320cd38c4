package io.resolvehub.process;

import io.resolvehub.api.ApiClient;
import org.junit.jupiter.api.Test;

import java.net.URI;
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

            String mention = SlackEvents.appMention("Ev0CRASH0001", "C0SUPPORT", "1700000000.000100",
                    "how do I reset my password?");
            URI events = URI.create("http://127.0.0.1:" + first.port() + "/slack/events");
            HttpResponse<String> ack = api.send(SlackEvents.signed(events, SIGNING_SECRET, mention));
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

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
