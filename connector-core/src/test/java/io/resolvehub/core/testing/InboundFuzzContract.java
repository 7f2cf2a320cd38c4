package io.resolvehub.core.testing;

import io.resolvehub.core.inbound.InboundDoor;
import io.resolvehub.core.inbound.InboundEndpoint;
import io.resolvehub.core.inbound.InboundOutcome;
import io.resolvehub.core.inbound.InboundRequest;
import io.resolvehub.core.inbound.InboundResponse;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes a channel's inbound endpoint through core's {@link InboundDoor}, the path every delivery takes behind the
 * servlet: {@value #INPUTS} malformed variants of the platform's real payloads ({@link MalformedInputs}, seeded), most
 * of them signed as the platform signs so they reach the parser, the rest unsigned or signed wrongly. None may end in
 * a 5xx or an exception, a refusal says what is wrong without naming Java types, and an authentic delivery is still
 * taken afterwards. The status histogram goes to {@code target/fuzz/<channel>.txt} (reported in docs/security.md).
 */
public abstract class InboundFuzzContract {

    protected static final int INPUTS = 10_000;

    protected final RecordingIntake intake = new RecordingIntake();

    protected abstract String surface();

    protected abstract InboundEndpoint<?> endpoint();

    /** The platform's real payloads the inputs are made from. */
    protected abstract List<String> seeds();

    /** {@code body} as the platform delivers it: signed (when {@code signed}), with its headers and path. */
    protected abstract InboundRequest request(byte[] body, boolean signed);

    /** A real delivery that asks the hub something. */
    protected abstract InboundRequest authentic();

    @Test
    void tenThousandMalformedDeliveriesGetNo5xxAndTheEndpointStaysHealthy() throws IOException {
        InboundDoor<?> door = new InboundDoor<>(endpoint(), intake);
        MalformedInputs inputs = new MalformedInputs(16, seeds());
        Map<Integer, Integer> histogram = new TreeMap<>();
        for (int i = 0; i < INPUTS; i++) {
            byte[] body = inputs.next();
            boolean signed = inputs.random().nextInt(10) < 8;
            InboundOutcome outcome;
            try {
                outcome = door.receive(request(body, signed));
            } catch (RuntimeException e) {
                throw new AssertionError("input " + i + " threw: " + preview(body), e);
            }
            InboundResponse response = InboundResponse.of(outcome);
            histogram.merge(response.status(), 1, Integer::sum);
            assertThat(response.status()).as("input %d: %s", i, preview(body)).isLessThan(500);
            if (response.status() >= 400) {
                assertThat(response.body()).as("input %d", i).contains("\"detail\":\"")
                        .doesNotContain("Exception").doesNotContain("io.resolvehub");
            }
        }
        report(histogram);

        intake.reset();
        InboundOutcome afterwards = door.receive(authentic());
        assertThat(afterwards).isInstanceOf(InboundOutcome.Accepted.class);
        assertThat(intake.accepted()).hasSize(1);
    }

    private void report(Map<Integer, Integer> histogram) throws IOException {
        Path file = Path.of("target", "fuzz", surface().replaceAll("[^a-z0-9]+", "-") + ".txt");
        Files.createDirectories(file.getParent());
        String line = surface() + ": " + INPUTS + " inputs, statuses " + histogram;
        Files.writeString(file, line + System.lineSeparator(), StandardCharsets.UTF_8);
        System.out.println(line);
    }

    private static String preview(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() > 300 ? text.substring(0, 300) + "… (" + text.length() + " chars)" : text;
    }
}
