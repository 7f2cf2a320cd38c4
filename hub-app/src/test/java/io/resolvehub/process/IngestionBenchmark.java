package io.resolvehub.process;

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
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Ingestion through the REST API against the raw model, in one run of one hub: how close adding knowledge comes to
 * the rate at which all-MiniLM-L6-v2 embeds the same chunks.
 *
 * <p>Starts the hub in-process on the embedded default (H2 file database, Lucene, the real model; no sample help
 * center), then, per round: (a) the raw model: the hub's own {@link Embedder} embeds exactly the chunk texts the
 * ingestion will embed, in one {@code embedAll} each: those of the passages as text sources, then those of the passages
 * as one Markdown file (its headings make them differ); (b) every passage added
 * as its own {@code text} source, one {@code POST} after another, until all are ready;
 * (c) the same passages as one Markdown upload (a heading per passage), until it is ready. Each phase reports chunks/s
 * (wall clock) and its process CPU time; (b) and (c) are given as a share of (a) on their own chunk texts. Run (docs/benchmarks.md):
 * <pre>./mvnw -o -q -pl hub-app -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
 * cd hub-app && java --add-modules=jdk.incubator.vector -Djava.io.tmpdir=target \
 *   -cp target/test-classes:target/classes:$(cat target/bench.cp) io.resolvehub.process.IngestionBenchmark docs.jsonl 3</pre>
 * Arguments: a {@code docs.jsonl} of passages ({@code {"id","title","text"}} per line, e.g. the clapnq evaluation
 * set's 596), rounds (default 3), then any {@code --key=value} for the hub.
 */
public final class IngestionBenchmark {

    private static final long LIMIT_NANOS = 10L * 60 * 1_000_000_000L;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String MARKDOWN_FILE = "passages.md";

    record Passage(String title, String text) {
    }

    /** @param postSeconds how long sending the sources took (the API's own share of the time) */
    record Phase(int chunks, double seconds, double cpuSeconds, double postSeconds) {
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
            JdbcClient jdbc = JdbcClient.create(hub.getBean(DataSource.class));
            Chunker chunker = new Chunker(hub.getEnvironment().getProperty("hub.agent.chunk-words", Integer.class, 180));
            List<String> textChunks = passages.stream().flatMap(p -> chunkTexts(chunker, FileFormat.TEXT,
                    p.text().getBytes(StandardCharsets.UTF_8), p.title()).stream()).toList();
            List<String> markdownChunks = chunkTexts(chunker, FileFormat.MARKDOWN, markdown(passages), MARKDOWN_FILE);
            embedder.embedAll(textChunks.subList(0, Math.min(256, textChunks.size())));   // warm-up: JIT, ONNX Runtime
            System.out.printf(Locale.ROOT, "%n%d passages: %d chunks as text sources, %d as one Markdown file; load average %.2f%n",
                    passages.size(), textChunks.size(), markdownChunks.size(), BenchmarkMachine.loadAverage());
            System.out.println("| round | (a) raw model chunks/s, text / Markdown chunks | (b) many sources chunks/s | b / a "
                    + "| (c) one source chunks/s | c / a | b / a in CPU time | c / a in CPU time |");
            System.out.println("|---|---|---|---|---|---|---|---|");
            List<String> threadCpu = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                Phase rawText = raw(embedder, textChunks);
                Phase rawMarkdown = raw(embedder, markdownChunks);
                Map<String, Long> threadsBefore = BenchmarkMachine.cpuNanosByThreadGroup();
                Phase many = manySources(api, jdbc, "bench-many-" + round, passages);
                Map<String, Long> threadsAfterMany = BenchmarkMachine.cpuNanosByThreadGroup();
                Phase one = oneSource(api, jdbc, "bench-one-" + round, passages);
                threadCpu.add(String.format(Locale.ROOT, "round %d, process CPU s: (a) text %.1f, (a) Markdown %.1f, (b) %.1f, (c) %.1f",
                        round, rawText.cpuSeconds(), rawMarkdown.cpuSeconds(), many.cpuSeconds(), one.cpuSeconds()));
                threadCpu.add("round " + round + ", (b) many sources: " + topThreads(threadsBefore, threadsAfterMany));
                threadCpu.add("round " + round + ", (c) one source: " + topThreads(threadsAfterMany, BenchmarkMachine.cpuNanosByThreadGroup()));
                System.out.printf(Locale.ROOT, "| %d | %.1f / %.1f | %.1f (%d chunks, %.1f s, posted in %.1f s) | %.0f%% | %.1f (%d chunks, %.1f s) "
                                + "| %.0f%% | %.0f%% | %.0f%% |%n",
                        round, rawText.rate(), rawMarkdown.rate(),
                        many.rate(), many.chunks(), many.seconds(), many.postSeconds(), 100 * many.rate() / rawText.rate(),
                        one.rate(), one.chunks(), one.seconds(), 100 * one.rate() / rawMarkdown.rate(),
                        100 * cpuRate(many) / cpuRate(rawText), 100 * cpuRate(one) / cpuRate(rawMarkdown));
            }
            System.out.printf(Locale.ROOT, "load average %.2f at the end%n", BenchmarkMachine.loadAverage());
            System.out.println("CPU seconds by thread (live threads; \"java\" holds ONNX Runtime's native threads):");
            threadCpu.forEach(System.out::println);
        } finally {
            hub.close();
        }
    }

    /** (a) The model alone on exactly the chunk texts a text source of each passage gives. */
    private static Phase raw(Embedder embedder, List<String> chunkTexts) {
        long cpu = BenchmarkMachine.processCpuNanos();
        long start = System.nanoTime();
        embedder.embedAll(chunkTexts);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Phase(chunkTexts.size(), seconds, (BenchmarkMachine.processCpuNanos() - cpu) / 1e9, 0);
    }

    /** (b) Each passage its own text source, added one request after another, until all are ready. */
    private static Phase manySources(ApiClient api, JdbcClient jdbc, String tenant, List<Passage> passages) throws InterruptedException {
        createTenant(api, tenant);
        long cpu = BenchmarkMachine.processCpuNanos();
        long start = System.nanoTime();
        for (Passage passage : passages) {
            HttpResponse<String> added = api.postJson("/api/v1/tenants/" + tenant + "/sources", JSON.writeValueAsString(
                    JSON.createObjectNode().put("type", "text").put("title", passage.title()).put("text", passage.text())));
            check(added.statusCode() == 202, "text source accepted: " + added.statusCode() + " " + added.body());
        }
        double posted = (System.nanoTime() - start) / 1e9;
        int chunks = awaitReady(api, jdbc, tenant, passages.size());
        return new Phase(chunks, (System.nanoTime() - start) / 1e9, (BenchmarkMachine.processCpuNanos() - cpu) / 1e9, posted);
    }

    /** (c) All passages in one Markdown file, a heading each, uploaded once, until it is ready. */
    private static Phase oneSource(ApiClient api, JdbcClient jdbc, String tenant, List<Passage> passages) throws InterruptedException {
        createTenant(api, tenant);
        String boundary = "bench" + System.nanoTime();
        byte[] body = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + MARKDOWN_FILE + "\"\r\n"
                + "Content-Type: text/markdown\r\n\r\n" + new String(markdown(passages), StandardCharsets.UTF_8) + "\r\n--"
                + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        long cpu = BenchmarkMachine.processCpuNanos();
        long start = System.nanoTime();
        HttpResponse<String> added = api.send(api.request("/api/v1/tenants/" + tenant + "/sources")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
        check(added.statusCode() == 202, "upload accepted: " + added.statusCode() + " " + added.body());
        double posted = (System.nanoTime() - start) / 1e9;
        int chunks = awaitReady(api, jdbc, tenant, 1);
        return new Phase(chunks, (System.nanoTime() - start) / 1e9, (BenchmarkMachine.processCpuNanos() - cpu) / 1e9, posted);
    }

    /**
     * Waits until {@code count} of the tenant's sources are ready, then reads their chunks through the API. Readiness
     * is watched in the sources table every 50 ms (the status the API reports), not by listing hundreds of sources
     * through the API that often: that costs more CPU than it measures.
     */
    private static int awaitReady(ApiClient api, JdbcClient jdbc, String tenant, int count) throws InterruptedException {
        long deadline = System.nanoTime() + LIMIT_NANOS;
        while (System.nanoTime() < deadline) {
            Map<String, Object> statuses = jdbc.sql("SELECT COUNT(CASE WHEN status = 'ready' THEN 1 END) AS ready, "
                    + "COUNT(CASE WHEN status = 'failed' THEN 1 END) AS failed FROM agent_knowledge_sources WHERE tenant = :tenant")
                    .param("tenant", tenant).query().singleRow();
            check(((Number) statuses.get("failed")).intValue() == 0, "a source of " + tenant + " failed");
            if (((Number) statuses.get("ready")).intValue() == count) {
                break;
            }
            Thread.sleep(50);
        }
        int chunks = 0;
        for (JsonNode source : JSON.readTree(api.get("/api/v1/tenants/" + tenant + "/sources").body())) {
            check(source.get("status").asString().equals("ready"), "source ready: " + source);
            chunks += source.get("chunks").asInt();
        }
        return chunks;
    }

    private static void createTenant(ApiClient api, String tenant) {
        HttpResponse<String> created = api.postJson("/api/v1/tenants", "{\"id\":\"" + tenant + "\",\"name\":\"" + tenant + "\"}");
        check(created.statusCode() / 100 == 2, "tenant created: " + created.statusCode() + " " + created.body());
    }

    /** The passages as one Markdown document, a heading each. */
    private static byte[] markdown(List<Passage> passages) {
        StringBuilder markdown = new StringBuilder();
        passages.forEach(p -> markdown.append("# ").append(p.title()).append("\n\n").append(p.text()).append("\n\n"));
        return markdown.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The texts the ingestion embeds for a document: parsed and chunked as the hub does, with their headings. */
    private static List<String> chunkTexts(Chunker chunker, FileFormat format, byte[] content, String fallbackTitle) {
        return chunker.chunk(new Parsers(1).forFormat(format).parse(content, fallbackTitle)).stream()
                .map(Chunk::contextualText).toList();
    }

    private static List<Passage> read(Path docs) throws java.io.IOException {
        return Files.readAllLines(docs).stream().filter(line -> !line.isBlank()).map(JSON::readTree)
                .map(n -> new Passage(n.get("title").asString(), n.get("text").asString())).toList();
    }

    /** The thread groups that used the most CPU between two readings, in seconds. */
    private static String topThreads(Map<String, Long> before, Map<String, Long> after) {
        return after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(10)
                .map(e -> String.format(Locale.ROOT, "%s %.1f", e.getKey(), e.getValue() / 1e9))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static double cpuRate(Phase phase) {
        return phase.chunks() / phase.cpuSeconds();
    }

    private static void check(boolean ok, String what) {
        if (!ok) throw new IllegalStateException("benchmark failed: " + what);
    }

    private IngestionBenchmark() {
    }
}
