package io.resolvehub.billing;

import io.resolvehub.core.ChannelType;
import io.resolvehub.core.CoinMeter;
import io.resolvehub.core.ConversationId;
import io.resolvehub.core.HandoffReason;
import io.resolvehub.core.ResolutionKind;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.event.AssumedResolutionReopened;
import io.resolvehub.core.event.ConversationClosedUnresolved;
import io.resolvehub.core.event.ConversationResolved;
import io.resolvehub.core.event.HandoffRequested;
import io.resolvehub.core.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContext;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The auto-configuration as the hub runs it: billing's CoinMeter, and core's events moving coins. */
class BillingAutoConfigurationTest {

    private static final TenantId ACME = new TenantId("acme");

    @Test
    void providesTheCoinMeterAndFollowsEveryConversationEvent() {
        var pipeline = new PipelineSimulation(TestDatabase.H2);
        pipeline.run(context -> {
            CoinMeter meter = context.getBean(CoinMeter.class);
            context.getBean(TopUps.class).topUp(ACME, 100, "inv-1");
            for (String c : new String[]{"resolved", "handed-off", "closed", "reopened"}) {
                assertThat(meter.holdFor(ACME, new ConversationId(c), ChannelType.TEAMS, 1)).isTrue();
            }
            assertThat(meter.holdFor(ACME, id("resolved"), ChannelType.TEAMS, 2)).isTrue();

            publishInTransaction(pipeline, context, new ConversationResolved(ACME, id("resolved"), ChannelType.TEAMS,
                    2, ResolutionKind.CONFIRMED, Instant.now()));
            publishInTransaction(pipeline, context, new HandoffRequested(ACME, id("handed-off"), ChannelType.TEAMS,
                    HandoffReason.USER_REQUEST, Instant.now()));
            publishInTransaction(pipeline, context, new ConversationClosedUnresolved(ACME, id("closed"),
                    ChannelType.TEAMS, Instant.now()));
            publishInTransaction(pipeline, context, new ConversationResolved(ACME, id("reopened"), ChannelType.TEAMS,
                    4, ResolutionKind.ASSUMED, Instant.now()));
            publishInTransaction(pipeline, context, new AssumedResolutionReopened(ACME, id("reopened"),
                    ChannelType.TEAMS, Instant.now()));
            publishInTransaction(pipeline, context, new AssumedResolutionReopened(ACME, id("reopened"),
                    ChannelType.TEAMS, Instant.now()));

            var ledger = context.getBean(Ledger.class);
            assertThat(ledger.balance(ACME)).isEqualTo(new Balance(100 - 2, 0));
            assertThat(ledger.receipts(ACME, id("resolved"))).singleElement()
                    .satisfies(r -> assertThat(r.resolution()).isEqualTo("confirmed"));
            assertThat(ledger.receipts(ACME, id("reopened"))).singleElement()
                    .satisfies(r -> assertThat(r.refunded()).isTrue());
        });
    }

    private static ConversationId id(String value) {
        return new ConversationId(value);
    }

    private static void publishInTransaction(PipelineSimulation pipeline, ApplicationContext context, Object event) {
        pipeline.tx.executeWithoutResult(status -> context.publishEvent(event));
    }
}
