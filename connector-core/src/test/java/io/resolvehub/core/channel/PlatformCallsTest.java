package io.resolvehub.core.channel;

import io.resolvehub.core.internal.channel.ChannelCalls;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlatformCallsTest {

    private final PlatformCalls connector = new PlatformCalls("Acme", new PlatformCalls.Limits(3, Duration.ofMillis(1),
            Duration.ofSeconds(2), 0));

    @Test
    void retriesOnceLayerDeepNotOncePerLayer() {
        ChannelCalls pipeline = new ChannelCalls(3, Duration.ofMillis(1), Duration.ofSeconds(2));
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> pipeline.call("acme/acme", () -> connector.call(() -> {
            attempts.incrementAndGet();
            throw ChannelException.retriable("503", null, null);
        }))).isInstanceOfSatisfying(ChannelException.class, e -> {
            assertThat(e.retriable()).as("the intake still retries the event later").isTrue();
            assertThat(e.retriedInline()).isTrue();
            assertThat(e.getMessage()).isEqualTo("503");
        });
        assertThat(attempts).as("3, not 3 x 3").hasValue(3);
    }

    @Test
    void waitsAtLeastTheRetryAfterAndLeavesALongOneToTheCaller() {
        AtomicInteger attempts = new AtomicInteger();
        long start = System.nanoTime();
        String sent = connector.call(() -> {
            if (attempts.incrementAndGet() == 1) throw ChannelException.retriable("429", Duration.ofMillis(300), null);
            return "sent";
        });
        assertThat(sent).isEqualTo("sent");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));

        AtomicInteger longWait = new AtomicInteger();
        assertThatThrownBy(() -> connector.call(() -> {
            longWait.incrementAndGet();
            throw ChannelException.retriable("429", Duration.ofMinutes(1), null);
        })).isInstanceOfSatisfying(ChannelException.class, e -> assertThat(e.retriedInline()).isFalse());
        assertThat(longWait).hasValue(1);
    }

    @Test
    void pacesCallsThatShareAKey() {
        PlatformCalls paced = new PlatformCalls("Acme", new PlatformCalls.Limits(1, Duration.ofMillis(1),
                Duration.ofSeconds(1), 5));   // one call per 200 ms per key
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            paced.paced("channel-1", () -> times.add(System.nanoTime()));
        }
        assertThat(Duration.ofNanos(times.get(2) - times.get(0))).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }
}
