package io.resolvehub.insights;

import io.resolvehub.core.Answer;
import io.resolvehub.core.Citation;
import io.resolvehub.core.Decision;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.conversation.FirstTurnDryRun;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * "Did the doc fix close the gap?": asks the agent a gap's questions again, as a dry run of a first turn (the tenant's
 * hand-off policy applies; nothing is billed or stored), and sets each new reply beside the one the customer got.
 * Thread-safe.
 */
public class GapRecheck {

    /** Questions of one gap asked again at most. */
    static final int MAX_QUESTIONS = 10;

    private final InsightQuestions questions;
    private final TopicAssigner assigner;
    private final FirstTurnDryRun dryRun;
    private final Clock clock;

    GapRecheck(InsightQuestions questions, TopicAssigner assigner, FirstTurnDryRun dryRun, Clock clock) {
        this.questions = questions;
        this.assigner = assigner;
        this.dryRun = dryRun;
        this.clock = clock;
    }

    /** A reply as a recheck shows it; {@code reason} and the citation only when there is one. */
    public record Reply(String decision, double confidence, String reason, String sourceId, String sourceTitle) {
    }

    /** One question asked again: what the customer got, and what the agent answers now. */
    public record Check(String question, Reply before, Reply after) {

        public boolean answeredNow() {
            return "answer".equals(after.decision());
        }
    }

    public record Result(long gapId, Instant checkedAt, List<Check> checks) {

        public long answeredNow() {
            return checks.stream().filter(Check::answeredNow).count();
        }
    }

    /**
     * Re-asks the distinct questions of gap {@code gapId} asked in the last {@code days} days, newest first.
     *
     * @return empty when no question of that gap was asked in the period
     */
    public Optional<Result> recheck(TenantId tenant, long gapId, int days) {
        assigner.assignPending(tenant);
        Instant now = clock.instant();
        Set<String> seen = new LinkedHashSet<>();
        List<Check> checks = new ArrayList<>();
        for (InsightQuestions.Asked asked : questions.gapQuestions(tenant, gapId, now.minus(Duration.ofDays(days)), now)) {
            String text = asked.question().question();
            if (!asked.question().showsAGap() || !seen.add(text) || checks.size() == MAX_QUESTIONS) {
                continue;
            }
            InsightQuestions.Reply b = asked.reply();
            Reply before = b == null ? new Reply("handoff", 0, asked.question().handoffReason(), null, null)
                    : new Reply(b.decision(), b.confidence(), b.reason(), b.sourceId(), b.sourceTitle());
            InsightQuestions.Reply a = reply(dryRun.ask(tenant, text, List.of()));
            checks.add(new Check(text, before, new Reply(a.decision(), a.confidence(), a.reason(), a.sourceId(),
                    a.sourceTitle())));
        }
        return checks.isEmpty() ? Optional.empty() : Optional.of(new Result(gapId, now, checks));
    }

    /** The parts of an answer a recheck compares: decision, confidence, reason and its first citation. */
    static InsightQuestions.Reply reply(Answer answer) {
        Optional<Citation> cited = answer.decision() == Decision.HANDOFF ? Optional.empty()
                : answer.citations().stream().findFirst();
        return new InsightQuestions.Reply(answer.decision().wire(),
                Math.round(answer.confidence() * 1000) / 1000.0, answer.reason() == null ? null : answer.reason().wire(),
                cited.map(Citation::sourceId).orElse(null), cited.map(Citation::title).orElse(null));
    }
}
