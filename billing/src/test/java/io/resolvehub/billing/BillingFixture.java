package io.resolvehub.billing;

import io.resolvehub.core.ChannelType;
import io.resolvehub.core.ConversationId;
import io.resolvehub.core.ResolutionKind;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.event.ConversationResolved;
import io.resolvehub.core.testing.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The billing services over a fresh migrated database, wired as the auto-configuration wires them. */
final class BillingFixture {

    static final Instant START = Instant.parse("2026-11-20T10:00:00Z");

    final DataSource dataSource;
    final JdbcClient jdbc;
    final TransactionTemplate tx;
    final MutableClock clock = new MutableClock(START);
    final List<Object> events = new CopyOnWriteArrayList<>();
    final TenantPricing pricing;
    final LowBalanceAlerts alerts;
    final HoldingCoinMeter meter;
    final Settlements settlements;
    final TopUps topUps;
    final Ledger ledger;
    final UsageReports usage;

    BillingFixture(TestDatabase db) {
        this(db.freshDataSource("classpath:db/migration/billing"));
    }

    BillingFixture(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.pricing = new TenantPricing(jdbc, tx, clock);
        this.alerts = new LowBalanceAlerts(jdbc, events::add, clock, ZoneOffset.UTC);
        this.meter = new HoldingCoinMeter(jdbc, tx, pricing, alerts, clock);
        this.settlements = new Settlements(jdbc, tx, pricing, events::add, clock);
        this.topUps = new TopUps(jdbc, tx, pricing, alerts, clock);
        this.ledger = new Ledger(jdbc);
        this.usage = new UsageReports(jdbc, ZoneOffset.UTC);
    }

    /** The hold before a conversation's first answer. */
    boolean hold(TenantId tenant, String conversation) {
        return meter.holdFor(tenant, new ConversationId(conversation), ChannelType.SLACK, 1);
    }

    /** The holds before each of a conversation's first {@code answers} answers, as the pipeline asks for them. */
    boolean answer(TenantId tenant, String conversation, int answers) {
        for (int answer = 1; answer <= answers; answer++) {
            if (!meter.holdFor(tenant, new ConversationId(conversation), ChannelType.SLACK, answer)) {
                return false;
            }
        }
        return true;
    }

    ConversationResolved resolution(TenantId tenant, String conversation, int aiAnswers, ResolutionKind kind) {
        return new ConversationResolved(tenant, new ConversationId(conversation), ChannelType.SLACK, aiAnswers, kind,
                clock.instant());
    }

    long chargesOf(TenantId tenant) {
        return jdbc.sql("SELECT COUNT(*) FROM billing_ledger WHERE tenant = ? AND entry_type = 'charge'")
                .param(tenant.value()).query(Long.class).single();
    }

    long entriesOf(TenantId tenant) {
        return jdbc.sql("SELECT COUNT(*) FROM billing_ledger WHERE tenant = ?")
                .param(tenant.value()).query(Long.class).single();
    }
}
