package io.resolvehub.billing;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Clock;

/**
 * Wires the coin meter: billing's {@link io.resolvehub.core.CoinMeter}, the event listener that charges, releases
 * and refunds, and the services hub-app's REST layer uses. Uses the application's DataSource and transaction
 * manager, so billing joins the pipeline's transactions; a {@link Clock} bean, if the application has one, is used
 * for every timestamp.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration"})
@EnableConfigurationProperties(BillingProperties.class)
public class BillingAutoConfiguration {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    BillingAutoConfiguration(DataSource dataSource, PlatformTransactionManager transactions,
                             ObjectProvider<Clock> clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Bean
    TenantPricing billingTenantPricing() {
        return new TenantPricing(jdbc, tx, clock);
    }

    @Bean
    LowBalanceAlerts billingLowBalanceAlerts(ApplicationEventPublisher events, BillingProperties properties) {
        return new LowBalanceAlerts(jdbc, events, clock, properties.zone());
    }

    @Bean
    HoldingCoinMeter billingCoinMeter(TenantPricing pricing, LowBalanceAlerts alerts) {
        return new HoldingCoinMeter(jdbc, tx, pricing, alerts, clock);
    }

    @Bean
    Settlements billingSettlements(TenantPricing pricing, ApplicationEventPublisher events) {
        return new Settlements(jdbc, tx, pricing, events, clock);
    }

    @Bean
    TopUps billingTopUps(TenantPricing pricing, LowBalanceAlerts alerts) {
        return new TopUps(jdbc, tx, pricing, alerts, clock);
    }

    @Bean
    Ledger billingLedger() {
        return new Ledger(jdbc);
    }

    @Bean
    UsageReports billingUsageReports(BillingProperties properties) {
        return new UsageReports(jdbc, properties.zone());
    }

    @Bean
    BillingEventListener billingEventListener(Settlements settlements) {
        return new BillingEventListener(settlements);
    }
}
