package io.resolvehub.process;

import io.resolvehub.HubTestSupport;
import io.resolvehub.api.ApiClient;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Nothing acknowledged is lost: the hub acknowledges two Slack events and is killed with SIGKILL while it is in the
 * middle of answering the first (its user turn stored, its reply not) and before it took up the second. Started again
 * on the same data dir, or the same PostgreSQL database, it answers each in its thread, once.
 */
class CrashRecoveryIT {

    private static final String SIGNING_SECRET = "crash-test-signing-secret";
    private static final Duration STARTUP = Duration.ofMinutes(3);
    private static final String MID_ANSWER_THREAD = "1700000000.000100";
    private static final String WAITING_THREAD = "1700000000.000200";

    enum Database { H2, POSTGRES }

    @ParameterizedTest
    @EnumSource(Database.class)
    void answersEverySlackEventAcknowledgedBeforeTheHubWasKilled(Database database) throws Exception {
        // Under target/, not a temp dir that is wiped: after a failure the data dir and both logs are there to read.
        Path dataDir = Files.createTempDirectory(Files.createDirectories(Path.of(System.getProperty("hub.it.logs",
                "target/it-logs"))), "crash-" + database.name().toLowerCase() + "-").resolve("data");
        try (FakeSlackWebApi slack = new FakeSlackWebApi(); StalledLanguageModel model = new StalledLanguageModel()) {
            String[] settings = concat(database == Database.POSTGRES ? HubTestSupport.postgresArguments() : new String[0],
                    "--hub.slack.signing-secret=" + SIGNING_SECRET, "--hub.slack.api-url=" + slack.url(),
                    // a crashed instance's claim is taken over once its lease runs out
                    "--hub.pipeline.lease=PT10S");

            // First life: one worker, stuck asking a language model that never replies.
            HubProcess first = HubProcess.start(dataDir, "first", concat(settings, "--hub.pipeline.workers=1",
                    "--hub.llm.provider=openai", "--hub.llm.base-url=" + model.baseUrl(), "--hub.llm.api-key=test",
                    "--hub.llm.model=stalled", "--hub.llm.timeout=PT10M", "--hub.pipeline.engine-timeout=PT10M"))
                    .awaitHealthy(STARTUP);
            ApiClient api = first.api();
            assertThat(api.putJson("/api/v1/tenants/default/channels/slack?verify=false",
                    "{\"teamId\":\"T0HUBTEST\",\"botToken\":\"xoxb-crash-test\"}").statusCode()).isBetween(200, 204);
            assertThat(api.postJson("/api/v1/tenants/default/topups",
                    "{\"coins\":100,\"reference\":\"crash-test\"}").statusCode()).isBetween(200, 201);
            await().atMost(Duration.ofMinutes(2)).until(() -> allSourcesReady(api));

            URI events = URI.create("http://127.0.0.1:" + first.port() + "/slack/events");
            mention(api, events, "Ev0CRASH0001", MID_ANSWER_THREAD, "how do I reset my password?");
            assertThat(model.awaitAsked(Duration.ofMinutes(1)))
                    .as("the worker is answering the first event: its user turn is committed").isTrue();
            mention(api, events, "Ev0CRASH0002", WAITING_THREAD, "how do I export my notes?");
            first.kill();
            assertThat(slack.calls("chat.postMessage")).as("nothing answered before the crash").isEmpty();

            // Second life on the same data: both acknowledged events are answered, in their threads, once.
            try (HubProcess second = HubProcess.start(dataDir, "second", settings).awaitHealthy(STARTUP)) {
                try {
                    await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
                        assertAnswered(slack, MID_ANSWER_THREAD, "password");
                        assertAnswered(slack, WAITING_THREAD, "export");
                    });
                } catch (ConditionTimeoutException e) {
                    throw new AssertionError(e.getMessage() + "\nSlack calls: " + slack.calls()
                            + "\n--- hub log ---\n" + second.tail(), e);
                }
                Thread.sleep(2_000);
                for (String thread : new String[]{MID_ANSWER_THREAD, WAITING_THREAD}) {
                    assertThat(slack.calls("chat.postMessage").stream()
                            .filter(c -> thread.equals(c.form().get("thread_ts"))))
                            .as("thread %s answered exactly once", thread).hasSize(1);
                }
            }
        }
    }

    private static void mention(ApiClient api, URI events, String eventId, String thread, String question) {
        String mention = SlackEvents.appMention(eventId, "C0SUPPORT", thread, question);
        HttpResponse<String> ack = api.send(SlackEvents.signed(events, SIGNING_SECRET, mention));
        assertThat(ack.statusCode()).as("acknowledged").isEqualTo(200);
    }

    private static void assertAnswered(FakeSlackWebApi slack, String thread, String word) {
        assertThat(slack.calls("chat.postMessage")).anySatisfy(call -> {
            assertThat(call.form()).containsEntry("channel", "C0SUPPORT").containsEntry("thread_ts", thread);
            assertThat(call.form().toString()).containsIgnoringCase(word);
        });
    }

    private static boolean allSourcesReady(ApiClient api) {
        String body = api.get("/api/v1/tenants/default/sources").body();
        return body.contains("\"status\":\"ready\"") && !body.contains("\"pending\"") && !body.contains("\"indexing\"");
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
