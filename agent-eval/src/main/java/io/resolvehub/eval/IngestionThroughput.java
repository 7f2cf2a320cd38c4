package io.resolvehub.eval;

import io.resolvehub.agent.FileFormat;
import io.resolvehub.agent.embed.MiniLmEmbedder;
import io.resolvehub.agent.index.LuceneKnowledgeIndex;
import io.resolvehub.agent.ingest.BatchedDocumentWriter;
import io.resolvehub.agent.ingest.Chunk;
import io.resolvehub.agent.ingest.Chunker;
import io.resolvehub.agent.ingest.Ingestor;
import io.resolvehub.agent.ingest.Parsers;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** {@link AgentBenchmark}'s first part: ingestion chunks/s through the product's path against the raw model. */
final class IngestionThroughput {

    private IngestionThroughput() {
    }

    /**
     * The raw model against the product's ingestion path, on the same 400 mtrag passages taken as the documents of one
     * crawl-like source: parse and chunk them as the {@link Ingestor} does, then hand them to the Ingestor's own
     * {@link BatchedDocumentWriter} (cross-document batched embedding, per-document delete + add in Lucene), then commit.
     * The raw figure embeds exactly the chunk texts the ingestion embeds, in one {@code embedAll}. Rounds alternate raw
     * and ingestion so that a change of load on the shared machine hits both; each round's ratio and the median are
     * reported.
     */
    static void measure(List<JsonNode> passages, MiniLmEmbedder embedder, Path work, int rounds, int embedGroup,
                                  StringBuilder report) throws IOException {
        List<byte[]> documents = passages.subList(0, 400).stream().map(p -> p.get("text").asString().getBytes(StandardCharsets.UTF_8)).toList();
        Parsers parsers = new Parsers(2000);
        Chunker chunker = new Chunker(180);
        List<String> chunkTexts = new ArrayList<>();
        for (int d = 0; d < documents.size(); d++) {
            chunker.chunk(parsers.forFormat(FileFormat.TEXT).parse(documents.get(d), "doc " + d)).forEach(c -> chunkTexts.add(c.contextualText()));
        }
        embedder.embedAll(chunkTexts.subList(0, 64));   // warm-up of both paths
        ingestOnce(documents.subList(0, 40), parsers, chunker, embedder, work, embedGroup);

        report.append("| round (400 documents, ").append(chunkTexts.size()).append(" chunks, embed group ").append(embedGroup)
                .append(") | raw model chunks/s | ingestion chunks/s | ingestion / raw | same, in CPU time |\n|---|---|---|---|---|\n");
        double[] ratios = new double[rounds];
        double[] cpuRatios = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            long cpu = processCpuNanos();
            long start = System.nanoTime();
            embedder.embedAll(chunkTexts);
            long rawNanos = System.nanoTime() - start;
            long rawCpu = processCpuNanos() - cpu;
            Ingested ingested = ingestOnce(documents, parsers, chunker, embedder, work, embedGroup);
            int chunks = ingested.chunks();
            long ingestNanos = ingested.wallNanos();
            long ingestCpu = ingested.cpuNanos();
            ratios[round] = (chunks / (double) ingestNanos) / (chunkTexts.size() / (double) rawNanos);
            cpuRatios[round] = (chunks / (double) ingestCpu) / (chunkTexts.size() / (double) rawCpu);
            report.append(String.format(Locale.ROOT, "| %d | %.1f | %.1f | %.0f%% | %.0f%% |%n", round + 1,
                    chunkTexts.size() / (rawNanos / 1e9), chunks / (ingestNanos / 1e9), 100 * ratios[round], 100 * cpuRatios[round]));
        }
        Arrays.sort(ratios);
        Arrays.sort(cpuRatios);
        report.append(String.format(Locale.ROOT, "%nmedian ingestion / raw over %d rounds: %.0f%% (wall clock), %.0f%% (process CPU time)%n",
                rounds, 100 * ratios[rounds / 2], 100 * cpuRatios[rounds / 2]));
    }

    /**
     * CPU time of the whole process, ONNX Runtime's native threads included: on a machine shared with other work it
     * counts what the benchmark itself spent, which wall-clock time cannot separate from waiting for a core.
     */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private record Ingested(int chunks, long wallNanos, long cpuNanos) {
    }

    /** One ingestion of the documents into a fresh Lucene index, timed from the first parse to the commit. */
    private static Ingested ingestOnce(List<byte[]> documents, Parsers parsers, Chunker chunker, MiniLmEmbedder embedder, Path work,
                                     int embedGroup) throws IOException {
        try (LuceneKnowledgeIndex index = new LuceneKnowledgeIndex(Files.createTempDirectory(work, "ingest-index"))) {
            long cpu = processCpuNanos();
            long start = System.nanoTime();
            BatchedDocumentWriter writer = new BatchedDocumentWriter(embedder, index, AgentBenchmark.TENANT, "src_bench", embedGroup);
            int chunks = 0;
            for (int d = 0; d < documents.size(); d++) {
                List<Chunk> parsed = chunker.chunk(parsers.forFormat(FileFormat.TEXT).parse(documents.get(d), "doc " + d));
                writer.add("doc-" + d, null, parsed, () -> { });
                chunks += parsed.size();
            }
            writer.flush();
            index.refresh();
            return new Ingested(chunks, System.nanoTime() - start, processCpuNanos() - cpu);
        }
    }
}
