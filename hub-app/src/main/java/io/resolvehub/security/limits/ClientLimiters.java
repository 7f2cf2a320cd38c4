package io.resolvehub.security.limits;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One Resilience4j {@link RateLimiter} per client of one limit (a source IP, a tenant), created on first use. Clients
 * not seen for {@link #IDLE} are forgotten once there are more than {@link #MAX_CLIENTS}, so a flood of addresses
 * cannot grow the map without bound.
 */
final class ClientLimiters {

    static final int MAX_CLIENTS = 50_000;
    static final Duration IDLE = Duration.ofMinutes(5);

    private record Client(RateLimiter limiter, long[] lastUsedNanos) {
    }

    private final String name;
    private final RateLimiterConfig config;
    private final Map<String, Client> clients = new ConcurrentHashMap<>();

    ClientLimiters(String name, int permits, Duration period) {
        this.name = name;
        this.config = RateLimiterConfig.custom().limitForPeriod(permits).limitRefreshPeriod(period)
                .timeoutDuration(Duration.ZERO).build();
    }

    String name() {
        return name;
    }

    /** Empty when the client may go on; otherwise how long it should wait. */
    Duration tryAcquire(String client) {
        if (clients.size() > MAX_CLIENTS) {
            long idleSince = System.nanoTime() - IDLE.toNanos();
            clients.values().removeIf(c -> c.lastUsedNanos()[0] < idleSince);
        }
        Client c = clients.computeIfAbsent(client, k -> new Client(RateLimiter.of(name + ":" + k, config), new long[1]));
        c.lastUsedNanos()[0] = System.nanoTime();
        if (c.limiter().acquirePermission()) {
            return Duration.ZERO;
        }
        // the wait until the next period's permits; the whole period where the limiter cannot tell
        long nanos = c.limiter() instanceof AtomicRateLimiter atomic ? atomic.getDetailedMetrics().getNanosToWait()
                : config.getLimitRefreshPeriod().toNanos();
        return Duration.ofNanos(Math.max(1, nanos));
    }
}
