package io.resolvehub.eval;

import io.resolvehub.agent.answer.ExtractiveAnswerEngine;
import io.resolvehub.core.Answer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** The figures of one evaluation set, and the rows the confidence fit learns from. */
final class SetResult {

    private final String name;
    private int answerable;
    private int correct;
    private int answered;
    private int answeredCitingGold;
    private double contentRecall;
    private int notAnswerable;
    private int abstained;
    private int person;
    private int personHandedOff;
    private final List<Long> latencies = new ArrayList<>();
    private final List<ConfidenceFit.Row> fitRows = new ArrayList<>();

    SetResult(String name) {
        this.name = name;
    }

    void add(EvalSet.Question q, Answer answer, Judge.Verdict verdict, long nanos, ExtractiveAnswerEngine.Assessment assessment) {
        latencies.add(nanos);
        switch (q.kind()) {
            case ANSWERABLE -> {
                answerable++;
                correct += verdict.correct() ? 1 : 0;
                answered += verdict.answered() ? 1 : 0;
                answeredCitingGold += verdict.answered() && verdict.citesGold() ? 1 : 0;
                contentRecall += verdict.contentRecall();
            }
            case NOT_ANSWERABLE -> {
                notAnswerable++;
                abstained += verdict.correct() ? 1 : 0;
            }
            case PERSON -> {
                person++;
                personHandedOff += verdict.correct() ? 1 : 0;
            }
        }
        if (assessment != null && assessment.signals() != null && q.kind() != EvalSet.Kind.PERSON) {
            // what confidence must tell apart: a proposal that holds what was asked from a question the docs don't answer
            Judge.Verdict proposed = Judge.judge(q, assessment.answer());
            boolean right = proposed.citesGold() && proposed.holdsContent();
            if (q.kind() == EvalSet.Kind.NOT_ANSWERABLE || right) {
                fitRows.add(new ConfidenceFit.Row(assessment.signals().values(), q.kind() == EvalSet.Kind.ANSWERABLE));
            }
        }
    }

    List<ConfidenceFit.Row> fitRows() {
        return fitRows;
    }

    static String table(Collection<SetResult> results) {
        StringBuilder t = new StringBuilder();
        t.append("| set | correct (answerable) | answered | answered citing gold | content recall | abstained (not answerable) "
                + "| hand-off on request | p50 / p99 ms |\n|---|---|---|---|---|---|---|---|\n");
        for (SetResult r : results) {
            long[] sorted = r.latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            t.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %.3f | %s | %s | %.1f / %.1f |%n", r.name,
                    share(r.correct, r.answerable), share(r.answered, r.answerable), share(r.answeredCitingGold, r.answered),
                    r.answerable == 0 ? 0 : r.contentRecall / r.answerable, share(r.abstained, r.notAnswerable),
                    share(r.personHandedOff, r.person), percentile(sorted, 0.5) / 1e6, percentile(sorted, 0.99) / 1e6));
        }
        return t.toString();
    }

    private static String share(int part, int whole) {
        return whole == 0 ? "—" : String.format(Locale.ROOT, "%d/%d (%.1f%%)", part, whole, 100.0 * part / whole);
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.max(0, (int) Math.ceil(sorted.length * p) - 1)];
    }

    @Override
    public String toString() {
        return name + Arrays.toString(new int[]{correct, answerable, abstained, notAnswerable, personHandedOff, person});
    }
}
