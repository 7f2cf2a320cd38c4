package io.resolvehub.agent.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real Elasticsearch 8.19 (the integ-test distribution the build unpacks into {@code target/elasticsearch}), started
 * once per test JVM on free ports and stopped when the JVM exits. Elasticsearch refuses to run as root, so as root it
 * runs as user {@code esrun} (created with {@code useradd} when missing) through {@code runuser}.
 */
public final class ElasticsearchServer {

    private static String url;

    private ElasticsearchServer() {
    }

    public static synchronized String url() {
        if (url == null) {
            url = start();
        }
        return url;
    }

    private static String start() {
        try {
            Path target = Path.of("target").toAbsolutePath();
            Path home;
            try (Stream<Path> homes = Files.list(target.resolve("elasticsearch"))) {
                home = homes.filter(p -> p.getFileName().toString().startsWith("elasticsearch-")).findFirst()
                        .orElseThrow(() -> new IllegalStateException("run the build first: target/elasticsearch is not unpacked"));
            }
            Path work = Files.createTempDirectory(target, "es-run");
            int http = freePort();
            int transport = freePort();
            Path javaHome = Files.isDirectory(Path.of("/usr/lib/jvm/java-17-openjdk-amd64"))
                    ? Path.of("/usr/lib/jvm/java-17-openjdk-amd64") : Path.of(System.getProperty("java.home"));
            List<String> command = new ArrayList<>();
            boolean root = "root".equals(System.getProperty("user.name"));
            if (root) {
                run("sh", "-c", "id esrun >/dev/null 2>&1 || useradd --no-create-home --shell /usr/sbin/nologin esrun");
                run("chown", "-R", "esrun", home.toString(), work.toString());
                command.addAll(List.of("runuser", "-u", "esrun", "--"));
            }
            command.addAll(List.of("env", "ES_JAVA_HOME=" + javaHome, "ES_JAVA_OPTS=-Xms512m -Xmx512m",
                    home.resolve("bin/elasticsearch").toString(),
                    "-E", "discovery.type=single-node", "-E", "xpack.security.enabled=false",
                    "-E", "http.port=" + http, "-E", "transport.port=" + transport, "-E", "network.host=127.0.0.1",
                    "-E", "path.data=" + work.resolve("data"), "-E", "path.logs=" + work.resolve("logs"),
                    "-E", "cluster.routing.allocation.disk.threshold_enabled=false"));
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(work.resolve("console.log").toFile()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                process.descendants().forEach(ProcessHandle::destroy);
                process.destroy();
            }));
            String base = "http://127.0.0.1:" + http;
            HttpClient client = HttpClient.newHttpClient();
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Elasticsearch exited: see " + work.resolve("console.log"));
                }
                try {
                    HttpResponse<String> health = client.send(HttpRequest.newBuilder(
                                    URI.create(base + "/_cluster/health?wait_for_status=yellow&timeout=1s")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (health.statusCode() == 200) {
                        return base;
                    }
                } catch (IOException notYet) {
                    // still starting
                }
                Thread.sleep(250);   // polling a starting server; there is nothing to await on
            }
            throw new IllegalStateException("Elasticsearch did not become healthy within 120 s: see " + work.resolve("console.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("command failed: " + String.join(" ", command));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
