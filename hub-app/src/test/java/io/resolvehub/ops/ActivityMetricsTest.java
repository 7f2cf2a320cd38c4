package io.resolvehub.ops;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.resolvehub.billing.ChargeRefunded;
import io.resolvehub.billing.CoinsCharged;
import io.resolvehub.billing.EntryType;
import io.resolvehub.billing.LedgerEntry;
import io.resolvehub.billing.LowBalanceAlerted;
import io.resolvehub.billing.Receipt;
import io.resolvehub.core.Answer;
import io.resolvehub.core.ChannelType;
import io.resolvehub.core.ConversationId;
import io.resolvehub.core.HandoffReason;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.event.HandoffRequested;
import io.resolvehub.core.event.MessageAnswered;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each event the hub publishes moves its counter, with the tags an operator filters by. */
class ActivityMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ActivityMetrics metrics = new ActivityMetrics(registry);
    private final Instant now = Instant.parse("2026-12-04T10:00:00Z");

    @Test
    void countsRepliesByChannelDecisionAndReason() {
        metrics.on(new MessageAnswered(new TenantId("acme"), new ConversationId("c-1"), ChannelType.SLACK, "q",
                Answer.answer("Open Settings.", 0.9, List.of()), now));
        metrics.on(new MessageAnswered(new TenantId("acme"), new ConversationId("c-2"), ChannelType.SLACK, "q",
                Answer.handoff("A person will follow up.", 0.0, HandoffReason.USER_REQUEST), now));

        assertThat(registry.counter(ActivityMetrics.REPLIES, "channel", "slack", "decision", "answer", "reason", "none")
                .count()).isEqualTo(1);
        assertThat(registry.counter(ActivityMetrics.REPLIES, "channel", "slack", "decision", "handoff",
                "reason", "user_request").count()).isEqualTo(1);
    }

    @Test
    void timesHowLongTheUserWaitedForEachReply() {
        metrics.on(new MessageAnswered(new TenantId("acme"), new ConversationId("c-1"), ChannelType.SLACK, "q",
                Answer.answer("Open Settings.", 0.9, List.of()), now, now.minusMillis(1500)));

        var timer = registry.timer(ActivityMetrics.ANSWER_LATENCY, "channel", "slack", "decision", "answer");
        assertThat(timer.count()).isEqualTo(1);
        assertThat(timer.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS)).isEqualTo(1500);
    }

    @Test
    void countsHandoffsByChannelAndReason() {
        metrics.on(new HandoffRequested(new TenantId("acme"), new ConversationId("c-1"), ChannelType.ZENDESK,
                HandoffReason.ENGINE_ERROR, now));

        assertThat(registry.counter(ActivityMetrics.HANDOFFS, "channel", "zendesk", "reason", "engine_error").count())
                .isEqualTo(1);
    }

    @Test
    void countsCoinsChargedAndRefundedByChannel() {
        metrics.on(new CoinsCharged(new Receipt(7, "acme", "c-1", "teams", "confirmed", 3, now, false)));
        metrics.on(new ChargeRefunded(new LedgerEntry(8, "acme", EntryType.REFUND, 3, 3, 0, "refund-7", "c-1", "teams",
                "dispute", 7L, now)));

        assertThat(registry.counter(ActivityMetrics.COINS_CHARGED, "channel", "teams", "resolution", "confirmed").count())
                .isEqualTo(3);
        assertThat(registry.counter(ActivityMetrics.COINS_REFUNDED, "channel", "teams").count()).isEqualTo(3);
    }

    @Test
    void countsLowBalanceAlerts() {
        metrics.on(new LowBalanceAlerted(new TenantId("acme"), LocalDate.of(2026, 12, 4), 4, 10, now));

        assertThat(registry.counter(ActivityMetrics.LOW_BALANCE_ALERTS).count()).isEqualTo(1);
    }
}
