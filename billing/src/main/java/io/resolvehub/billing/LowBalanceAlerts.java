package io.resolvehub.billing;

import io.resolvehub.core.TenantId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * The low-balance alert: when a tenant's available coins fall below its {@code lowBalanceCoins}, one
 * alert per tenant and day. The (tenant, day) primary key makes "once a day" hold across hub instances; the row is
 * what the admin page and the digest show, and {@link LowBalanceAlerted} lets other parts of the hub react.
 */
public class LowBalanceAlerts {

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ZoneId zone;

    public LowBalanceAlerts(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock, ZoneId zone) {
        this.jdbc = jdbc;
        this.accounts = new Accounts(jdbc);
        this.events = events;
        this.clock = clock;
        this.zone = zone;
    }

    /** Raises today's alert if the tenant is below its threshold and has none yet; runs in the caller's transaction. */
    void check(TenantId tenant, Pricing pricing) {
        long available = accounts.find(tenant.value()).orElse(Balance.EMPTY).available();
        if (available >= pricing.lowBalanceCoins()) {
            return;
        }
        Instant now = clock.instant();
        LocalDate day = LocalDate.ofInstant(now, zone);
        int inserted = jdbc.sql("INSERT INTO billing_low_balance_alerts (tenant, alert_day, available,"
                        + " low_balance_coins, raised_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
                .params(tenant.value(), day.toString(), available, pricing.lowBalanceCoins(), LedgerEntries.utc(now))
                .update();
        if (inserted == 1) {
            events.publishEvent(new LowBalanceAlerted(tenant, day, available, pricing.lowBalanceCoins(), now));
        }
    }

    /** The tenant's latest alerts, newest first. */
    public List<LowBalanceAlerted> recent(TenantId tenant, int limit) {
        return jdbc.sql("SELECT alert_day, available, low_balance_coins, raised_at FROM billing_low_balance_alerts"
                        + " WHERE tenant = ? ORDER BY alert_day DESC LIMIT ?")
                .params(tenant.value(), limit)
                .query((rs, n) -> new LowBalanceAlerted(tenant, LocalDate.parse(rs.getString("alert_day")),
                        rs.getLong("available"), rs.getLong("low_balance_coins"),
                        rs.getObject("raised_at", OffsetDateTime.class).toInstant()))
                .list();
    }
}
