package io.resolvehub.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.resolvehub.billing.ChargeRefunded;
import io.resolvehub.billing.CoinsCharged;
import io.resolvehub.billing.LowBalanceAlerted;
import io.resolvehub.core.event.HandoffRequested;
import io.resolvehub.core.event.MessageAnswered;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import java.time.Duration;

/**
 * What the hub did, as Micrometer meters (on {@code /actuator/prometheus} and {@code /actuator/metrics}): replies by
 * channel and decision, how long users waited for them, hand-offs by reason, coins charged and refunded by channel, and
 * low-balance alerts, which are also logged for the operator. Counted after the publishing transaction commits, so a
 * rolled-back charge or hand-off is never counted.
 */
@Component
class ActivityMetrics {

    static final String REPLIES = "resolvehub.replies";
    static final String ANSWER_LATENCY = "resolvehub.answer.latency";
    static final String HANDOFFS = "resolvehub.handoffs";
    static final String COINS_CHARGED = "resolvehub.coins.charged";
    static final String COINS_REFUNDED = "resolvehub.coins.refunded";
    static final String LOW_BALANCE_ALERTS = "resolvehub.low.balance.alerts";

    private static final Logger log = LoggerFactory.getLogger(ActivityMetrics.class);

    private final MeterRegistry registry;

    ActivityMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(MessageAnswered event) {
        String channel = event.channel().id();
        String decision = event.answer().decision().wire();
        registry.counter(REPLIES, "channel", channel, "decision", decision,
                "reason", event.answer().reason() == null ? "none" : event.answer().reason().wire()).increment();
        Duration waited = Duration.between(event.receivedAt(), event.at());
        Timer.builder(ANSWER_LATENCY)
                .description("From the hub receiving a user's message to its reply being decided and stored")
                .tags("channel", channel, "decision", decision)
                .publishPercentileHistogram()
                .register(registry)
                .record(waited.isNegative() ? Duration.ZERO : waited);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(HandoffRequested event) {
        registry.counter(HANDOFFS, "channel", event.channel().id(), "reason", event.reason().wire()).increment();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(CoinsCharged event) {
        registry.counter(COINS_CHARGED, "channel", String.valueOf(event.receipt().channel()),
                "resolution", String.valueOf(event.receipt().resolution())).increment(event.receipt().coins());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ChargeRefunded event) {
        registry.counter(COINS_REFUNDED, "channel", String.valueOf(event.refund().channel()))
                .increment(event.refund().coins());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(LowBalanceAlerted event) {
        registry.counter(LOW_BALANCE_ALERTS).increment();
        log.warn("Tenant {} has {} coins available, below its low-balance mark of {}: top up to keep the AI answering",
                event.tenant(), event.available(), event.lowBalanceCoins());
    }
}
