package io.resolvehub.core.internal.channel;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.resolvehub.core.channel.ChannelException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChannelCallsTest {

    private final ChannelCalls calls = new ChannelCalls(3, Duration.ofMillis(1), Duration.ofSeconds(2));

    @Test
    void retriesARateLimitWaitingAtLeastItsRetryAfter() {
        AtomicInteger attempts = new AtomicInteger();
        long start = System.nanoTime();

        String result = calls.call("acme/slack", () -> {
            if (attempts.incrementAndGet() == 1) throw ChannelException.retriable("429", Duration.ofMillis(300), null);
            return "sent";
        });

        assertThat(result).isEqualTo("sent");
        assertThat(attempts).hasValue(2);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void leavesALongRetryAfterToTheIntakesBackoff() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> calls.call("acme/slack", () -> {
            attempts.incrementAndGet();
            throw ChannelException.retriable("429", Duration.ofMinutes(1), null);
        })).isInstanceOfSatisfying(ChannelException.class, e -> assertThat(e.retryAfter()).hasMinutes(1));
        assertThat(attempts).hasValue(1);
    }

    @Test
    void doesNotRetryAPermanentFailure() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> calls.call("acme/slack", () -> {
            attempts.incrementAndGet();
            throw ChannelException.permanent("invalid_auth", null);
        })).isInstanceOf(ChannelException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void stopsCallingAPlatformThatKeepsFailingButOnlyForThatTenantAndChannel() {
        AtomicInteger attempts = new AtomicInteger();
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> calls.call("acme/slack", () -> {
                attempts.incrementAndGet();
                throw ChannelException.retriable("503", null, null);
            })).isInstanceOf(ChannelException.class);
        }
        int before = attempts.get();

        assertThatThrownBy(() -> calls.call("acme/slack", () -> {
            attempts.incrementAndGet();
            return "sent";
        })).isInstanceOf(CallNotPermittedException.class);
        assertThat(attempts).hasValue(before);
        assertThat(calls.call("globex/slack", () -> "sent")).isEqualTo("sent");
    }

    @Test
    void aRevokedTokenDoesNotOpenTheCircuit() {
        for (int i = 0; i < 12; i++) {
            assertThatThrownBy(() -> calls.call("acme/slack", () -> {
                throw ChannelException.permanent("token_revoked", null);
            })).isInstanceOf(ChannelException.class);
        }
        assertThat(calls.call("acme/slack", () -> "sent")).isEqualTo("sent");
    }
}
