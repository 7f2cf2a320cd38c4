package io.resolvehub.process;

import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * What stands between the platforms and the hub instances: each delivery goes to the instance it is meant for while
 * that one is up; an instance that fails a send and then its health check is taken out of rotation, and a delivery
 * that was not acknowledged (the connection failed, or 503) is sent again to another instance, as the platform
 * redelivers it.
 */
final class LoadBalancer {

    /** How a delivery ended: the hub's status (200 = acknowledged), and how many sends it took. */
    record Outcome(String subject, int status, int sends) {
    }

    private final List<HubProcess> instances;
    private final Set<HubProcess> down = ConcurrentHashMap.newKeySet();
    private final AtomicInteger resent = new AtomicInteger();

    LoadBalancer(List<HubProcess> instances) {
        this.instances = List.copyOf(instances);
    }

    /**
     * Sends {@code request} (signed afresh for each send) to instance {@code preferred}, or the next one up, until one
     * acknowledges it or answers with something other than a failure to store it, or {@code patience} runs out.
     */
    Outcome deliver(String subject, int preferred, Function<HubProcess, HttpRequest> request, Duration patience) {
        Instant deadline = Instant.now().plus(patience);
        int sends = 0;
        int status = -1;
        for (int attempt = 0; Instant.now().isBefore(deadline); attempt++) {
            HubProcess target = pick(preferred + attempt);
            sends++;
            try {
                status = target.api().send(request.apply(target)).statusCode();
                if (status != 503) {
                    break;
                }
            } catch (UncheckedIOException failed) {
                if (!answersHealthChecks(target)) {
                    down.add(target);
                }
            }
            resent.incrementAndGet();
            pause();
        }
        return new Outcome(subject, status, sends);
    }

    /** Deliveries sent again after a failed send. */
    int resent() {
        return resent.get();
    }

    private HubProcess pick(int index) {
        for (int i = 0; i < instances.size(); i++) {
            HubProcess candidate = instances.get(Math.floorMod(index + i, instances.size()));
            if (!down.contains(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no hub instance is up");
    }

    /** A load balancer's health check: an instance that takes no connection is out of rotation. */
    private static boolean answersHealthChecks(HubProcess instance) {
        try {
            return instance.api().send(instance.api().anonymous("/actuator/health").GET().build()).statusCode() == 200;
        } catch (UncheckedIOException refused) {
            return false;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(500); // a platform's redelivery comes later, not at once
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
