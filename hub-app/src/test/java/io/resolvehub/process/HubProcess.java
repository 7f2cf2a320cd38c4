package io.resolvehub.process;

import io.resolvehub.FreePorts;

import io.resolvehub.HubTestSupport;
import io.resolvehub.api.ApiClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The packaged hub ({@code hub-app/target/resolvehub.jar}) started as a separate operating-system process, the way an
 * operator runs it, so tests can kill it with SIGKILL and start it again on the same data dir.
 */
final class HubProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;
    private final ApiClient api;

    private HubProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.api = new ApiClient(port);
    }

    static HubProcess start(Path dataDir, String name, String... arguments) {
        String jar = System.getProperty("hub.jar");
        if (jar == null || !Files.exists(Path.of(jar))) {
            throw new IllegalStateException("hub.jar must name the packaged hub (run through Maven's verify phase), was " + jar);
        }
        int port = FreePorts.forALaterServer();
        Path logs = dataDir.getParent();
        Path log = logs.resolve(name + ".log");
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "--add-modules=jdk.incubator.vector", "-XX:+EnableDynamicAgentLoading",
                "-Djava.io.tmpdir=" + dataDir.getParent(), "-Djna.tmpdir=" + dataDir.getParent().resolve("jna"),
                "-jar", jar,
                "--server.port=" + port,
                "--hub.data-dir=" + dataDir,
                "--hub.admin.api-token=" + HubTestSupport.API_TOKEN));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("DJL_CACHE_DIR", dataDir.getParent().resolve("djl").toString());
        try {
            return new HubProcess(builder.start(), port, log);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the hub", e);
        }
    }

    /** One client per instance: each has its own connection pool and selector thread. */
    ApiClient api() {
        return api;
    }

    int port() {
        return port;
    }

    /** Waits until the hub reports UP, failing with its log when it exits or takes too long. */
    HubProcess awaitHealthy(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the hub exited with " + process.exitValue() + ":\n" + tail());
            }
            try {
                HttpResponse<String> health = api().send(api().anonymous("/actuator/health").GET().build());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    return this;
                }
            } catch (UncheckedIOException notListeningYet) {
                // still starting
            }
            sleep(Duration.ofMillis(250));
        }
        throw new IllegalStateException("the hub did not become healthy within " + timeout + ":\n" + tail());
    }

    /** SIGKILL: no shutdown hooks, no graceful drain — a crash. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }


    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
