package io.resolvehub.eval;

import io.resolvehub.agent.VoiceSettings;
import io.resolvehub.agent.answer.ConfidenceModel;
import io.resolvehub.agent.answer.ExtractiveAnswerEngine;
import io.resolvehub.agent.embed.MiniLmEmbedder;
import io.resolvehub.agent.index.LuceneKnowledgeIndex;
import io.resolvehub.agent.person.PersonRequestsByMeaning;
import io.resolvehub.core.Answer;
import io.resolvehub.core.AnswerEngine;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.conversation.FirstTurnDryRun;
import io.resolvehub.core.conversation.HandoffPolicy;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Asks every question of each evaluation set through the dry run {@code POST /ask} uses (the default hand-off policy,
 * the meaning-based person detector, the extractive agent over the set indexed as the hub ingests uploads) and prints
 * one table: correct answers, abstention, hand-off on request and latency per set. With {@code --fit} it also fits
 * the confidence model on every set but one and reports each held-out set ({@link ConfidenceFit}).
 *
 * <pre>./mvnw -q -pl agent-eval -am package -DskipTests -Peval -Deval.args="[--set DIR]… [--fit] [--report DIR]"</pre>
 *
 * Without {@code --set}: ../shared/eval/mtrag_cloud, ../shared/eval/clapnq and eval-sets/helpcenter, those present.
 */
public final class Evaluation {

    private static final TenantId TENANT = new TenantId("eval");

    private Evaluation() {
    }

    public static void main(String[] args) throws IOException {
        List<Path> sets = new ArrayList<>();
        Path work = Path.of("agent-eval/target/eval");
        Path report = null;
        boolean fit = false;
        double cost = ConfidenceModel.WRONG_ANSWER_COST;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--set" -> sets.add(Path.of(args[++i]));
                case "--work" -> work = Path.of(args[++i]);
                case "--report" -> report = Path.of(args[++i]);
                case "--fit" -> fit = true;
                case "--cost" -> cost = Double.parseDouble(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + " (use --set DIR (repeatable), --work DIR, --report DIR, --fit, --cost N)");
            }
        }
        if (sets.isEmpty()) {
            for (String dir : List.of("../shared/eval/mtrag_cloud", "../shared/eval/clapnq", "eval-sets/helpcenter")) {
                if (Files.isDirectory(Path.of(dir))) {
                    sets.add(Path.of(dir));
                }
            }
        }
        Files.createDirectories(work);
        Map<String, SetResult> results = new LinkedHashMap<>();
        try (MiniLmEmbedder embedder = new MiniLmEmbedder(8)) {
            PersonRequestsByMeaning detector = new PersonRequestsByMeaning(embedder);
            for (Path dir : sets) {
                EvalSet set = EvalSet.read(dir);
                System.err.printf(Locale.ROOT, "%s: %d documents, %d questions%n", set.name(), set.docs().size(), set.questions().size());
                results.put(set.name(), run(set, embedder, detector, work, report));
            }
        }
        System.out.println(SetResult.table(results.values()));
        if (fit) {
            Map<String, List<ConfidenceFit.Row>> rows = new LinkedHashMap<>();
            results.forEach((name, r) -> rows.put(name, r.fitRows()));
            System.out.println(ConfidenceFit.acrossSets(rows, cost));
        }
    }

    private static SetResult run(EvalSet set, MiniLmEmbedder embedder, PersonRequestsByMeaning detector, Path work, Path report)
            throws IOException {
        CachedEmbedder passages = new CachedEmbedder(embedder, work.resolve(set.name() + "-vectors.bin"));
        Path indexDir = Files.createTempDirectory(work, "index");
        try (LuceneKnowledgeIndex index = new LuceneKnowledgeIndex(indexDir)) {
            long start = System.nanoTime();
            int chunks = EvalCorpus.index(set, TENANT, index, passages);
            passages.save();
            System.err.printf(Locale.ROOT, "%s: %d chunks indexed in %.1f s%n", set.name(), chunks, (System.nanoTime() - start) / 1e9);
            ExtractiveAnswerEngine engine = new ExtractiveAnswerEngine(index, embedder, t -> VoiceSettings.DEFAULT,
                    ConfidenceModel.CALIBRATED);
            AtomicReference<ExtractiveAnswerEngine.Assessment> last = new AtomicReference<>();
            AtomicReference<ExtractiveAnswerEngine.Retrieval> lastRetrieval = new AtomicReference<>();
            AnswerEngine recording = request -> {
                ExtractiveAnswerEngine.Retrieval retrieval = engine.retrieve(request);
                ExtractiveAnswerEngine.Assessment assessment = engine.assess(request, retrieval);
                lastRetrieval.set(retrieval);
                last.set(assessment);
                return assessment.answer();
            };
            FirstTurnDryRun dryRun = FirstTurnDryRun.of(HandoffPolicy.defaults(), recording, detector);
            set.questions().stream().limit(20).forEach(q -> dryRun.ask(TENANT, q.question(), q.history()));   // warm-up
            SetResult result = new SetResult(set.name());
            PrintWriter lines = report == null ? null : reportFile(report, set.name());
            for (EvalSet.Question q : set.questions()) {
                last.set(null);
                lastRetrieval.set(null);
                long t0 = System.nanoTime();
                Answer answer = dryRun.ask(TENANT, q.question(), q.history());
                long nanos = System.nanoTime() - t0;
                Judge.Verdict verdict = Judge.judge(q, answer);
                result.add(q, answer, verdict, nanos, last.get());
                if (lines != null) {
                    lines.println(ReportLine.of(q, answer, verdict, last.get(), lastRetrieval.get()));
                }
            }
            if (lines != null) {
                lines.close();
            }
            return result;
        }
    }

    private static PrintWriter reportFile(Path dir, String set) throws IOException {
        Files.createDirectories(dir);
        return new PrintWriter(Files.newBufferedWriter(dir.resolve(set + ".jsonl")));
    }
}
