package io.resolvehub.zendesk;

import io.resolvehub.core.InboundIntake;
import io.resolvehub.core.channel.ChannelAccounts;
import io.resolvehub.core.inbound.InboundEndpoints;
import io.resolvehub.core.inbound.InboundServlet;
import io.resolvehub.core.autoconfigure.ConnectorCoreAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.Clock;

/**
 * The Zendesk channel: the connector factory (so tenants can be configured and answered), the hand-off desk for the
 * tenants' other channels, and {@code POST /zendesk/webhook/{tenant}}. Per-tenant secrets live in the channel
 * records, so the endpoint is always served; a tenant without a Zendesk record gets 401. Needs connector-core's
 * channel records and durable intake.
 */
@AutoConfiguration(after = ConnectorCoreAutoConfiguration.class)
@ConditionalOnBean(InboundIntake.class) // the channel template: where connector-core runs (see docs/adding-a-channel.md)
@EnableConfigurationProperties(ZendeskProperties.class)
public class ZendeskAutoConfiguration {

    @Bean(destroyMethod = "close")
    ZendeskClients zendeskClients(ZendeskProperties properties) {
        return new ZendeskClients(properties.requestTimeout());
    }

    @Bean
    ZendeskMessageRenderer zendeskMessageRenderer() {
        return new ZendeskMessageRenderer();
    }

    @Bean
    ZendeskConnectorFactory zendeskConnectorFactory(ZendeskClients clients, ZendeskMessageRenderer renderer) {
        return new ZendeskConnectorFactory(clients, renderer, Clock.systemUTC());
    }

    // Core's beans (channel records, intake) are injected, not tested with @ConditionalOnBean: in the hub such a
    // condition on a nested configuration was evaluated before core's definitions and silently dropped the endpoint.

    /** Offered to core's ticket desks, which look providers up lazily. */
    @Bean
    ZendeskTicketDeskProvider zendeskTicketDeskProvider(ChannelAccounts accounts, ZendeskClients clients,
                                                        ZendeskMessageRenderer renderer, ZendeskProperties properties) {
        return new ZendeskTicketDeskProvider(accounts, clients, renderer,
                ZendeskTicketDesk.retry(properties.deskRetryAttempts(), properties.deskMaxRetryWait()));
    }

    @Bean
    ServletRegistrationBean<InboundServlet> zendeskWebhookServlet(ChannelAccounts accounts, DataSource dataSource,
                                                                  InboundIntake intake, ZendeskProperties properties) {
        ZendeskWebhook webhook = new ZendeskWebhook(accounts, new ZendeskInvocations(JdbcClient.create(dataSource)),
                properties, Clock.systemUTC());
        return InboundEndpoints.serve("zendeskWebhook", webhook, intake, properties.maxBodyBytes(), ZendeskWebhook.PATH);
    }
}
