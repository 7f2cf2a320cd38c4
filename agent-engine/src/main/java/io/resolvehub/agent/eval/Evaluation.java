package io.resolvehub.agent.eval;

import io.resolvehub.agent.answer.ConfidenceModel;
import io.resolvehub.agent.answer.ExtractiveAnswerEngine;
import io.resolvehub.agent.answer.StandaloneQuery;
import io.resolvehub.agent.answer.VoiceSettings;
import io.resolvehub.agent.embed.MiniLmEmbedder;
import io.resolvehub.agent.index.IndexedChunk;
import io.resolvehub.agent.index.LuceneKnowledgeIndex;
import io.resolvehub.agent.index.SearchHit;
import io.resolvehub.agent.index.SearchMode;
import io.resolvehub.agent.index.SearchQuery;
import io.resolvehub.core.Answer;
import io.resolvehub.core.AnswerRequest;
import io.resolvehub.core.ChatTurn;
import io.resolvehub.core.Decision;
import io.resolvehub.core.TenantId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs the agent over the mtrag_cloud development set and prints one table: retrieval quality per mode, answer and
 * abstain rates, and ask latency. With {@code --fit} it also fits the confidence model ({@link ConfidenceFit}) on the signals of the
 * best passage, answerable vs not, and prints the coefficients with in-sample and cross-validated rates.
 *
 * <pre>./mvnw -q -pl agent-engine compile exec:java -Dexec.args="[--data ../shared/eval/mtrag_cloud] [--fit]"</pre>
 *
 * Passage vectors are cached under {@code agent-engine/target/eval} so a second run skips the embedding.
 */
public final class Evaluation {

    private static final TenantId TENANT = new TenantId("eval");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Passage(String id, String title, String text, String url, String parent) {
    }

    record Question(String id, String question, List<ChatTurn> history, List<String> gold, boolean answerable) {
    }

    public static void main(String[] args) throws IOException {
        Path data = Path.of("../shared/eval/mtrag_cloud");
        Path work = Path.of("agent-engine/target/eval");
        boolean fit = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[++i]);
                case "--work" -> work = Path.of(args[++i]);
                case "--fit" -> fit = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i] + " (use --data DIR, --work DIR, --fit)");
            }
        }
        List<Passage> passages = Files.readAllLines(data.resolve("docs.jsonl")).stream().filter(l -> !l.isBlank()).map(l -> {
            JsonNode n = JSON.readTree(l);
            return new Passage(n.get("id").asString(), n.get("title").asString(""), n.get("text").asString(),
                    n.path("url").asString(null), n.get("parent_doc_id").asString());
        }).toList();
        List<Question> questions = Files.readAllLines(data.resolve("questions.jsonl")).stream().filter(l -> !l.isBlank()).map(l -> {
            JsonNode n = JSON.readTree(l);
            List<ChatTurn> history = new ArrayList<>();
            for (JsonNode turn : n.path("history")) {
                history.add(new ChatTurn("user".equals(turn.get("speaker").asString()) ? ChatTurn.Role.USER : ChatTurn.Role.ASSISTANT,
                        turn.get("text").asString()));
            }
            List<String> gold = new ArrayList<>();
            n.path("gold_doc_ids").forEach(g -> gold.add(g.asString()));
            return new Question(n.get("id").asString(), n.get("question").asString(), history, gold, n.get("answerable").asBoolean());
        }).toList();

        Files.createDirectories(work);
        try (MiniLmEmbedder embedder = new MiniLmEmbedder(8)) {
            List<float[]> vectors = vectors(passages, embedder, work.resolve("vectors-" + passages.size() + ".bin"));
            Path indexDir = Files.createTempDirectory(work, "index");
            try (LuceneKnowledgeIndex index = new LuceneKnowledgeIndex(indexDir)) {
                List<IndexedChunk> chunks = new ArrayList<>();
                for (int i = 0; i < passages.size(); i++) {
                    Passage p = passages.get(i);
                    String search = p.title().isBlank() ? p.text() : p.title() + "\n" + p.text();
                    chunks.add(new IndexedChunk(p.id(), TENANT, "mtrag", p.parent(), p.title().isBlank() ? p.parent() : p.title(),
                            p.url(), List.of(), p.text(), search, vectors.get(i)));
                }
                index.add(chunks);
                index.refresh();
                run(index, embedder, questions, fit);
            }
        }
    }

    private static void run(LuceneKnowledgeIndex index, MiniLmEmbedder embedder, List<Question> questions, boolean fit) {
        ExtractiveAnswerEngine engine = new ExtractiveAnswerEngine(index, embedder, t -> VoiceSettings.DEFAULT,
                ConfidenceModel.CALIBRATED);
        StringBuilder table = new StringBuilder();
        table.append("| retrieval (answerable questions with gold passages) | passage recall@5 | passage MRR@10 | document recall@5 | document MRR@10 |\n");
        table.append("|---|---|---|---|---|\n");
        List<Question> withGold = questions.stream().filter(q -> q.answerable() && !q.gold().isEmpty()).toList();
        for (SearchMode mode : SearchMode.values()) {
            double pr = 0, pm = 0, dr = 0, dm = 0;
            for (Question q : withGold) {
                StandaloneQuery query = StandaloneQuery.of(q.question(), q.history());
                List<SearchHit> hits = index.search(new SearchQuery(TENANT, query.text(), embedder.embed(query.text()), 10, mode));
                List<String> ids = hits.stream().map(SearchHit::chunkId).toList();
                List<String> parents = hits.stream().map(SearchHit::docKey).toList();
                Set<String> gold = new HashSet<>(q.gold());
                Set<String> goldParents = q.gold().stream().map(g -> g.split("-")[0]).collect(Collectors.toSet());
                pr += recall(ids, gold, 5);
                pm += reciprocalRank(ids, gold, 10);
                dr += recall(new ArrayList<>(new LinkedHashSet<>(parents.subList(0, Math.min(5, parents.size())))), goldParents, 5);
                dm += reciprocalRank(parents, goldParents, 10);
            }
            int n = withGold.size();
            table.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.3f |%n", mode.name().toLowerCase(Locale.ROOT),
                    pr / n, pm / n, dr / n, dm / n));
        }

        // Answering: every question once (warm-up first), timing engine.answer end to end.
        for (int i = 0; i < 20; i++) {
            engine.answer(request(questions.get(i)));
        }
        int answerable = 0, answered = 0, unanswerable = 0, abstained = 0;
        long[] latencies = new long[questions.size()];
        List<ConfidenceFit.Row> signals = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            Question q = questions.get(i);
            long start = System.nanoTime();
            // what answer(request) does, kept in two steps so --fit reads the signals of this very retrieval
            ExtractiveAnswerEngine.Retrieval retrieval = engine.retrieve(request(q));
            Answer answer = engine.answer(request(q), retrieval);
            latencies[i] = System.nanoTime() - start;
            if (q.answerable()) {
                answerable++;
                answered += answer.decision() == Decision.ANSWER ? 1 : 0;
            } else {
                unanswerable++;
                abstained += answer.decision() != Decision.ANSWER ? 1 : 0;
            }
            if (fit) {
                ExtractiveAnswerEngine.Scored best = retrieval.best();
                double[] s = best == null ? new double[5] : best.signals().values();
                signals.add(new ConfidenceFit.Row(s, q.answerable()));
            }
        }
        Arrays.sort(latencies);
        table.append("\n| answering (extractive, threshold 0.5) | value |\n|---|---|\n");
        table.append(String.format(Locale.ROOT, "| answer rate on answerable (%d) | %.1f%% |%n", answerable, 100.0 * answered / answerable));
        table.append(String.format(Locale.ROOT, "| abstain rate on not answerable (%d) | %.1f%% |%n", unanswerable, 100.0 * abstained / unanswerable));
        table.append(String.format(Locale.ROOT, "| ask latency p50 / p99 | %.1f ms / %.1f ms |%n",
                latencies[latencies.length / 2] / 1e6, latencies[(int) Math.ceil(latencies.length * 0.99) - 1] / 1e6));
        System.out.println(table);
        if (fit) {
            System.out.println(ConfidenceFit.report(signals));
        }
    }

    private static AnswerRequest request(Question q) {
        return new AnswerRequest(TENANT, q.question(), q.history());
    }

    private static double recall(List<String> ranked, Set<String> gold, int k) {
        return ranked.subList(0, Math.min(k, ranked.size())).stream().filter(gold::contains).distinct().count() / (double) gold.size();
    }

    private static double reciprocalRank(List<String> ranked, Set<String> gold, int k) {
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            if (gold.contains(ranked.get(i))) {
                return 1.0 / (i + 1);
            }
        }
        return 0;
    }

    private static List<float[]> vectors(List<Passage> passages, MiniLmEmbedder embedder, Path cache) throws IOException {
        if (Files.exists(cache)) {
            try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(cache)))) {
                List<float[]> vectors = new ArrayList<>(passages.size());
                for (int i = 0; i < passages.size(); i++) {
                    float[] v = new float[embedder.dimension()];
                    for (int d = 0; d < v.length; d++) {
                        v[d] = in.readFloat();
                    }
                    vectors.add(v);
                }
                return vectors;
            }
        }
        long start = System.nanoTime();
        List<float[]> vectors = new ArrayList<>(passages.size());
        for (int i = 0; i < passages.size(); i += 256) {
            List<String> texts = passages.subList(i, Math.min(passages.size(), i + 256)).stream()
                    .map(p -> p.title().isBlank() ? p.text() : p.title() + "\n" + p.text()).toList();
            vectors.addAll(embedder.embedAll(texts));
            System.err.printf(Locale.ROOT, "embedded %d/%d passages%n", vectors.size(), passages.size());
        }
        System.err.printf(Locale.ROOT, "embedding took %.1f s%n", (System.nanoTime() - start) / 1e9);
        try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(cache)))) {
            for (float[] v : vectors) {
                for (float f : v) {
                    out.writeFloat(f);
                }
            }
        }
        return vectors;
    }
}
