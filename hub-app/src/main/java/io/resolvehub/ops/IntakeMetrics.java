package io.resolvehub.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.resolvehub.core.InboundIntake;
import io.resolvehub.core.InboundMessage;

import java.util.function.Supplier;

/**
 * Counts what the durable intake took from each channel ({@code resolvehub.intake.events}, tagged by channel and by
 * outcome: {@code accepted}, {@code duplicate} for a platform's redelivery, {@code failed} when it could not be stored
 * and the platform was not acknowledged). Wraps the intake every channel feeds; the registry is looked up on first use
 * because the intake is created before the metrics are.
 */
final class IntakeMetrics implements InboundIntake {

    static final String EVENTS = "resolvehub.intake.events";

    private final InboundIntake intake;
    private final Supplier<MeterRegistry> registry;

    IntakeMetrics(InboundIntake intake, Supplier<MeterRegistry> registry) {
        this.intake = intake;
        this.registry = registry;
    }

    @Override
    public Outcome accept(InboundMessage message) {
        return counted(message, () -> intake.accept(message));
    }

    @Override
    public Outcome accept(InboundMessage message, Runnable alongside) {
        return counted(message, () -> intake.accept(message, alongside));
    }

    private Outcome counted(InboundMessage message, Supplier<Outcome> accept) {
        String channel = message.channel().id();
        Outcome outcome;
        try {
            outcome = accept.get();
        } catch (RuntimeException e) {
            count(channel, "failed");
            throw e;
        }
        count(channel, outcome == Outcome.DUPLICATE ? "duplicate" : "accepted");
        return outcome;
    }

    private void count(String channel, String outcome) {
        registry.get().counter(EVENTS, "channel", channel, "outcome", outcome).increment();
    }
}
