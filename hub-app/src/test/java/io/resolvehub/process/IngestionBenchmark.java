package io.resolvehub.process;

import com.sun.management.OperatingSystemMXBean;
import io.resolvehub.HubApplication;
import io.resolvehub.HubTestSupport;
import io.resolvehub.agent.Embedder;
import io.resolvehub.agent.FileFormat;
import io.resolvehub.agent.ingest.Chunk;
import io.resolvehub.agent.ingest.Chunker;
import io.resolvehub.agent.ingest.Parsers;
import io.resolvehub.api.ApiClient;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.lang.management.ManagementFactory;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Ingestion through the REST API against the raw model, in one run of one hub: how close adding knowledge comes to
 * the rate at which all-MiniLM-L6-v2 embeds the same chunks.
 *
 * <p>Starts the hub in-process on the embedded default (H2 file database, Lucene, the real model; no sample help
 * center), then, per round: (a) the raw model: the hub's own {@link Embedder} embeds the chunk texts the ingestion
 * will embed (the passages parsed and chunked as a text source is), in one {@code embedAll}; (b) every passage added
 * as its own {@code text} source, one {@code POST} after another, until {@code GET …/sources} shows them all ready;
 * (c) the same passages as one Markdown upload (a heading per passage), until it is ready. Each phase reports chunks/s
 * (wall clock) and its process CPU time; (b) and (c) are given as a share of (a). Run (docs/benchmarks.md):
 * <pre>./mvnw -o -q -pl hub-app -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
 * cd hub-app && java --add-modules=jdk.incubator.vector -Djava.io.tmpdir=target \
 *   -cp target/test-classes:target/classes:$(cat target/bench.cp) io.resolvehub.process.IngestionBenchmark docs.jsonl 3</pre>
 * Arguments: a {@code docs.jsonl} of passages ({@code {"id","title","text"}} per line, e.g. the clapnq evaluation
 * set's 596), rounds (default 3), then any {@code --key=value} for the hub.
 */
public final class IngestionBenchmark {

    private static final long LIMIT_NANOS = 10L * 60 * 1_000_000_000L;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Passage(String title, String text) {
    }

    record Phase(int chunks, double seconds, double cpuSeconds) {
        double rate() {
            return chunks / seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        List<String> positional = Arrays.stream(args).filter(a -> !a.startsWith("--")).toList();
        List<Passage> passages = read(Path.of(positional.getFirst()));
        int rounds = positional.size() > 1 ? Integer.parseInt(positional.get(1)) : 3;
        Path dataDir = Files.createTempDirectory("hub-ingest-bench-");
        List<String> properties = new ArrayList<>(List.of(
                "server.port=0", "hub.data-dir=" + dataDir, "hub.admin.api-token=" + HubTestSupport.API_TOKEN,
                "hub.demo.enabled=false",
                // one client adding hundreds of sources a minute is what is measured, not what the limits are for
                "hub.rate-limits.enabled=false", "logging.level.root=WARN"));
        Arrays.stream(args).filter(a -> a.startsWith("--")).map(a -> a.substring(2)).forEach(properties::add);
        ConfigurableApplicationContext hub = new SpringApplicationBuilder(HubApplication.class)
                .run(properties.stream().map(p -> "--" + p).toArray(String[]::new));
        try {
            int port = ((WebServerApplicationContext) hub).getWebServer().getPort();
            ApiClient api = new ApiClient(port);
            Embedder embedder = hub.getBean(Embedder.class);
            List<String> chunkTexts = chunkTexts(passages, hub.getEnvironment().getProperty("hub.agent.chunk-words",
                    Integer.class, 180));
            embedder.embedAll(chunkTexts.subList(0, Math.min(256, chunkTexts.size())));   // warm-up: JIT, ONNX Runtime
            System.out.printf(Locale.ROOT, "%n%d passages, %d chunks as text sources; load average %.2f%n",
                    passages.size(), chunkTexts.size(), loadAverage());
            System.out.println("| round | raw model chunks/s | many sources chunks/s | b / a | one source chunks/s | c / a "
                    + "| b / a in CPU time | c / a in CPU time |");
            System.out.println("|---|---|---|---|---|---|---|---|");
            for (int round = 1; round <= rounds; round++) {
                Phase raw = raw(embedder, chunkTexts);
                Phase many = manySources(api, "bench-many-" + round, passages);
                Phase one = oneSource(api, "bench-one-" + round, passages);
                System.out.printf(Locale.ROOT, "| %d | %.1f | %.1f (%d chunks, %.1f s) | %.0f%% | %.1f (%d chunks, %.1f s) "
                                + "| %.0f%% | %.0f%% | %.0f%% |%n",
                        round, raw.rate(), many.rate(), many.chunks(), many.seconds(), 100 * many.rate() / raw.rate(),
                        one.rate(), one.chunks(), one.seconds(), 100 * one.rate() / raw.rate(),
                        100 * cpuRate(many) / cpuRate(raw), 100 * cpuRate(one) / cpuRate(raw));
            }
            System.out.printf(Locale.ROOT, "load average %.2f at the end%n", loadAverage());
        } finally {
            hub.close();
        }
    }

    /** (a) The model alone on exactly the chunk texts a text source of each passage gives. */
    private static Phase raw(Embedder embedder, List<String> chunkTexts) {
        long cpu = processCpuNanos();
        long start = System.nanoTime();
        embedder.embedAll(chunkTexts);
        return new Phase(chunkTexts.size(), (System.nanoTime() - start) / 1e9, (processCpuNanos() - cpu) / 1e9);
    }

    /** (b) Each passage its own text source, added one request after another, until all are ready. */
    private static Phase manySources(ApiClient api, String tenant, List<Passage> passages) throws InterruptedException {
        createTenant(api, tenant);
        long cpu = processCpuNanos();
        long start = System.nanoTime();
        for (Passage passage : passages) {
            HttpResponse<String> added = api.postJson("/api/v1/tenants/" + tenant + "/sources", JSON.writeValueAsString(
                    JSON.createObjectNode().put("type", "text").put("title", passage.title()).put("text", passage.text())));
            check(added.statusCode() == 202, "text source accepted: " + added.statusCode() + " " + added.body());
        }
        int chunks = awaitReady(api, tenant, passages.size());
        return new Phase(chunks, (System.nanoTime() - start) / 1e9, (processCpuNanos() - cpu) / 1e9);
    }

    /** (c) All passages in one Markdown file, a heading each, uploaded once, until it is ready. */
    private static Phase oneSource(ApiClient api, String tenant, List<Passage> passages) throws InterruptedException {
        createTenant(api, tenant);
        StringBuilder markdown = new StringBuilder();
        passages.forEach(p -> markdown.append("# ").append(p.title()).append("\n\n").append(p.text()).append("\n\n"));
        String boundary = "bench" + System.nanoTime();
        byte[] body = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"passages.md\"\r\n"
                + "Content-Type: text/markdown\r\n\r\n" + markdown + "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        long cpu = processCpuNanos();
        long start = System.nanoTime();
        HttpResponse<String> added = api.send(api.request("/api/v1/tenants/" + tenant + "/sources")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
        check(added.statusCode() == 202, "upload accepted: " + added.statusCode() + " " + added.body());
        int chunks = awaitReady(api, tenant, 1);
        return new Phase(chunks, (System.nanoTime() - start) / 1e9, (processCpuNanos() - cpu) / 1e9);
    }

    /** Polls the tenant's sources every 200 ms (a page refreshing, not a busy loop that would take the cores it measures) until {@code count} are ready; returns their chunks. */
    private static int awaitReady(ApiClient api, String tenant, int count) throws InterruptedException {
        long deadline = System.nanoTime() + LIMIT_NANOS;
        while (System.nanoTime() < deadline) {
            JsonNode sources = JSON.readTree(api.get("/api/v1/tenants/" + tenant + "/sources").body());
            int ready = 0;
            int chunks = 0;
            for (JsonNode source : sources) {
                String status = source.get("status").asString();
                check(!status.equals("failed"), "source failed: " + source);
                if (status.equals("ready")) {
                    ready++;
                    chunks += source.get("chunks").asInt();
                }
            }
            if (ready == count) {
                return chunks;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("sources of " + tenant + " not ready within the limit");
    }

    private static void createTenant(ApiClient api, String tenant) {
        HttpResponse<String> created = api.postJson("/api/v1/tenants", "{\"id\":\"" + tenant + "\",\"name\":\"" + tenant + "\"}");
        check(created.statusCode() / 100 == 2, "tenant created: " + created.statusCode() + " " + created.body());
    }

    private static List<String> chunkTexts(List<Passage> passages, int chunkWords) {
        Parsers parsers = new Parsers(1);
        Chunker chunker = new Chunker(chunkWords);
        return passages.stream()
                .flatMap(p -> chunker.chunk(parsers.forFormat(FileFormat.TEXT)
                        .parse(p.text().getBytes(StandardCharsets.UTF_8), p.title())).stream())
                .map(Chunk::contextualText).toList();
    }

    private static List<Passage> read(Path docs) throws java.io.IOException {
        return Files.readAllLines(docs).stream().filter(line -> !line.isBlank()).map(JSON::readTree)
                .map(n -> new Passage(n.get("title").asString(), n.get("text").asString())).toList();
    }

    private static double cpuRate(Phase phase) {
        return phase.chunks() / phase.cpuSeconds();
    }

    private static long processCpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static void check(boolean ok, String what) {
        if (!ok) throw new IllegalStateException("benchmark failed: " + what);
    }

    private IngestionBenchmark() {
    }
}
