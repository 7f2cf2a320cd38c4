package io.resolvehub.ops;

import io.resolvehub.HubTestSupport;
import io.resolvehub.core.InboundBacklog;
import io.resolvehub.process.FakeSlackWebApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The embedded default (H2 file database under the data dir) when the data dir's disk fills up: a platform delivery the
 * hub cannot store is refused with 503 and {@code Retry-After} (so the platform delivers it again) and the log says
 * why; nothing is acknowledged that is not stored, and every event acknowledged before is still answered. Once space
 * is freed, the refused delivery is taken and answered once.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FullDiskTest {

    static final FakeSlackWebApi SLACK = new FakeSlackWebApi();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        FullDiskFilePath.install();
        Path dataDir = Files.createTempDirectory("hub-full-disk-");
        HubTestSupport.hubDefaults(registry);
        registry.add("hub.data-dir", dataDir::toString);
        // the embedded default's URL (application.yml), on H2's file system behind the full-disk switch
        registry.add("spring.datasource.url", () -> "jdbc:h2:fulldisk:" + dataDir + "/db/hub;MODE=PostgreSQL;"
                + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0");
        registry.add("hub.slack.signing-secret", () -> SlackTraffic.SIGNING_SECRET);
        registry.add("hub.slack.api-url", SLACK::url);
    }

    @LocalServerPort
    int port;

    @Autowired
    InboundBacklog backlog;

    @AfterEach
    void freeSpace() {
        FullDiskFilePath.full = false;
    }

    @Test
    void aDeliveryThatCannotBeStoredIsRefusedAndTakenOnceThereIsSpaceAgain(CapturedOutput output) {
        SlackTraffic traffic = new SlackTraffic(port, SLACK).connect().awaitSourcesReady(Duration.ofMinutes(4));
        String before = SlackTraffic.nextThread();
        assertThat(traffic.ask(before, "how do I reset my password?")).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> traffic.postsIn(before) == 1);

        FullDiskFilePath.full = true;
        List<String> refusedThreads = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String thread = SlackTraffic.nextThread();
            HttpResponse<String> response = traffic.send(eventId(thread),
                    SlackTraffic.mention(thread, null, "how do I export my notes?"));
            assertThat(response.statusCode()).as("not acknowledged: it could not be stored").isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).isPresent();
            refusedThreads.add(thread);
        }
        assertThat(output.getAll()).as("the operator is told what failed and why")
                .contains("could not be stored; not acknowledged", "No space left on device");

        FullDiskFilePath.full = false;
        // the platform delivers each refused event again
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(() -> refusedThreads.stream()
                .allMatch(thread -> traffic.ask(thread, "how do I export my notes?") == 200));
        await().atMost(Duration.ofSeconds(60)).until(() ->
                refusedThreads.stream().allMatch(thread -> traffic.postsIn(thread) == 1));
        await().atMost(Duration.ofSeconds(60)).until(() -> backlog.pending() == 0);
        assertThat(traffic.postsIn(before)).isEqualTo(1);
        assertThat(refusedThreads).allSatisfy(thread -> assertThat(traffic.posts(thread).getFirst().form().toString())
                .containsIgnoringCase("export"));
    }

    private static String eventId(String thread) {
        return "Ev" + thread.replace(".", "");
    }
}
