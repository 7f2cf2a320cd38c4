package io.resolvehub;

import io.micrometer.core.instrument.MeterRegistry;
import io.resolvehub.billing.ChargeRefunded;
import io.resolvehub.billing.CoinsCharged;
import io.resolvehub.billing.LowBalanceAlerted;
import io.resolvehub.core.event.MessageAnswered;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * What the hub did, as Micrometer counters on {@code /actuator/metrics} (the owner only): replies by channel and
 * decision, coins charged and refunded by channel, and low-balance alerts, which are also logged for the operator.
 * Counted after the publishing transaction commits, so a rolled-back charge is never counted.
 */
@Component
class ActivityMetrics {

    static final String REPLIES = "resolvehub.replies";
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
        registry.counter(REPLIES, "channel", event.channel().id(), "decision", event.answer().decision().wire(),
                "reason", event.answer().reason() == null ? "none" : event.answer().reason().wire()).increment();
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
