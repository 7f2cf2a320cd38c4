package io.resolvehub.billing;

import io.resolvehub.core.ChannelType;
import io.resolvehub.core.ConversationId;
import io.resolvehub.core.ResolutionKind;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.event.ConversationResolved;
import io.resolvehub.core.testing.TestDatabase;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Top-ups, pricing storage, low-balance alerts, usage and the CSV export, on H2 and PostgreSQL. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class TopUpsAndReportsTest {

    private static final TenantId ACME = new TenantId("acme");

    @Parameter
    TestDatabase db;

    private BillingFixture f;

    @BeforeEach
    void freshDatabase() {
        f = new BillingFixture(db);
    }

    @Test
    void creditsATopUpOncePerReference() {
        TopUpResult first = f.topUps.topUp(ACME, 100, "inv-1");
        TopUpResult again = f.topUps.topUp(ACME, 100, "inv-1");

        assertThat(first.replayed()).isFalse();
        assertThat(again.replayed()).isTrue();
        assertThat(again.entry()).isEqualTo(first.entry());
        assertThat(again.balance()).isEqualTo(new Balance(100, 0));
        assertThat(f.entriesOf(ACME)).isOne();
    }

    @Test
    void refusesAReferenceReusedForOtherCoinsAndChangesNothing() {
        f.topUps.topUp(ACME, 100, "inv-1");

        assertThatThrownBy(() -> f.topUps.topUp(ACME, 101, "inv-1"))
                .isInstanceOf(BillingException.Conflict.class)
                .hasMessageContaining("'inv-1' was already used for a top-up of 100 coins");
        assertThat(f.ledger.balance(ACME)).isEqualTo(new Balance(100, 0));
    }

    @Test
    void keepsTopUpReferencesApartPerTenant() {
        f.topUps.topUp(ACME, 100, "inv-1");
        f.topUps.topUp(new TenantId("globex"), 7, "inv-1");

        assertThat(f.ledger.balance(new TenantId("globex"))).isEqualTo(new Balance(7, 0));
        assertThat(f.ledger.balance(ACME)).isEqualTo(new Balance(100, 0));
    }

    @Test
    void refusesInvalidTopUps() {
        for (long coins : new long[]{0, -1, TopUps.MAX_COINS + 1}) {
            assertThatThrownBy(() -> f.topUps.topUp(ACME, coins, "x")).isInstanceOf(BillingException.Invalid.class);
        }
        for (String reference : new String[]{null, "", "   ", "a".repeat(201), "line\nbreak"}) {
            assertThatThrownBy(() -> f.topUps.topUp(ACME, 5, reference)).isInstanceOf(BillingException.Invalid.class);
        }
        assertThat(f.entriesOf(ACME)).isZero();
    }

    @Test
    void refusesANegativeAdjustmentBeyondTheAvailableCoinsAndRecordsNothing() {
        f.topUps.topUp(ACME, 10, "inv-1");
        f.answer(ACME, "c1", 5);   // holds 5

        assertThatThrownBy(() -> f.topUps.adjust(ACME, -6, "fix-1", "wrong top-up"))
                .isInstanceOf(BillingException.Conflict.class).hasMessageContaining("only 5 coins available");

        assertThat(f.ledger.balance(ACME)).isEqualTo(new Balance(10, 5));
        assertThat(f.topUps.adjust(ACME, -5, "fix-1", "wrong top-up").balance()).isEqualTo(new Balance(5, 5));
    }

    @Test
    void storesPricingPerTenantAndKeepsTheOldOneWhenTheNewIsInvalid() {
        f.pricing.put(ACME, new Pricing(2, 0, 8, 10));

        assertThatThrownBy(() -> f.pricing.put(ACME, new Pricing(9, 0, 8, 10)))
                .isInstanceOf(BillingException.Invalid.class).hasMessageContaining("must not exceed maxCoins");

        assertThat(f.pricing.get(ACME)).isEqualTo(new Pricing(2, 0, 8, 10));
        assertThat(f.pricing.get(new TenantId("globex"))).isEqualTo(Pricing.DEFAULT);
        f.pricing.put(ACME, new Pricing(3, 1, 8, 0));
        assertThat(f.pricing.get(ACME)).isEqualTo(new Pricing(3, 1, 8, 0));
    }

    @Test
    void alertsOnceADayWhenAvailableFallsBelowTheThreshold() {
        f.pricing.put(ACME, new Pricing(5, 1, 5, 12));   // each first answer holds 5
        f.topUps.topUp(ACME, 20, "inv-1");

        f.hold(ACME, "c1");   // available 15: above 12
        assertThat(f.events).noneMatch(LowBalanceAlerted.class::isInstance);
        f.hold(ACME, "c2");   // available 10: alert
        f.hold(ACME, "c3");   // available 5: same day, no second alert
        f.clock.advance(Duration.ofDays(1));
        f.hold(ACME, "c4");   // exactly 5 available: held; available 0 on a new day: alert

        List<LowBalanceAlerted> alerts = f.events.stream().filter(LowBalanceAlerted.class::isInstance)
                .map(LowBalanceAlerted.class::cast).toList();
        assertThat(alerts).extracting(LowBalanceAlerted::day, LowBalanceAlerted::available)
                .containsExactly(tuple(LocalDate.of(2026, 11, 20), 10L),
                        tuple(LocalDate.of(2026, 11, 21), 0L));
        assertThat(f.alerts.recent(ACME, 10)).extracting(LowBalanceAlerted::day)
                .containsExactly(LocalDate.of(2026, 11, 21), LocalDate.of(2026, 11, 20));
    }

    @Test
    void reportsResolutionsAndCoinsPerDayAndChannel() {
        f.topUps.topUp(ACME, 100, "inv-1");
        settle("s1", ChannelType.SLACK, 1);
        settle("s2", ChannelType.SLACK, 3);
        settle("z1", ChannelType.ZENDESK, 2);
        f.clock.advance(Duration.ofDays(1));
        long chargeId = settle("t1", ChannelType.TEAMS, 9).chargeId();
        f.settlements.refundCharge(ACME, chargeId, "dispute");

        var report = f.usage.usage(ACME, LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 21));

        assertThat(report.days()).containsExactly(
                new UsageReports.Row(LocalDate.of(2026, 11, 20), "slack", 2, 4, 0, 0),
                new UsageReports.Row(LocalDate.of(2026, 11, 20), "zendesk", 1, 2, 0, 0),
                new UsageReports.Row(LocalDate.of(2026, 11, 21), "teams", 1, 5, 1, 5));
        assertThat(report.totals()).isEqualTo(new UsageReports.Row(null, null, 4, 11, 1, 5));
        assertThat(f.usage.usage(ACME, LocalDate.of(2026, 11, 21), LocalDate.of(2026, 11, 21)).days()).hasSize(1);
        assertThatThrownBy(() -> f.usage.usage(ACME, LocalDate.of(2026, 11, 21), LocalDate.of(2026, 11, 20)))
                .isInstanceOf(BillingException.Invalid.class);
    }

    @Test
    void exportsTheLedgerAsCsvWithOneRowPerEntry() throws IOException {
        f.topUps.topUp(ACME, 20, "inv, \"quoted\"");
        settle("c1", ChannelType.SLACK, 2);
        var out = new StringWriter();

        try (var csv = new LedgerCsv(out)) {
            f.ledger.forEachEntry(ACME, Ledger.BEGINNING, Ledger.END, csv);
        }

        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(out.toString())).getRecords();
        assertThat(rows).extracting(r -> r.get("type")).containsExactly("topup", "hold", "hold", "charge");
        assertThat(rows.get(0).get("idempotency_key")).isEqualTo("topup:inv, \"quoted\"");
        assertThat(rows.get(2).get("reason")).isEqualTo("answer 2");
        assertThat(rows.get(3).get("reason")).isEqualTo("confirmed");
        assertThat(rows.get(3).get("balance_change")).isEqualTo("-2");
        assertThat(rows.get(3).get("at")).isEqualTo("2026-11-20T10:00:00Z");
        assertThat(rows.get(3).get("held_change")).isEqualTo("-2");
    }

    private Receipt settle(String conversation, ChannelType channel, int answers) {
        for (int answer = 1; answer <= answers; answer++) {
            f.meter.holdFor(ACME, new ConversationId(conversation), channel, answer);
        }
        return f.settlements.settle(new ConversationResolved(ACME, new ConversationId(conversation), channel, answers,
                ResolutionKind.CONFIRMED, f.clock.instant())).orElseThrow();
    }
}
