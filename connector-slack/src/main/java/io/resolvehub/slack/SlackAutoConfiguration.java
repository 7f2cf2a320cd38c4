package io.resolvehub.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.jakarta_servlet.SlackOAuthAppServlet;
import io.resolvehub.core.InboundIntake;
import io.resolvehub.core.autoconfigure.ConnectorCoreAutoConfiguration;
import io.resolvehub.core.channel.ChannelAccounts;
import io.resolvehub.core.inbound.InboundEndpoints;
import io.resolvehub.core.inbound.InboundServlet;
import io.resolvehub.core.tenant.AdminSession;
import io.resolvehub.core.tenant.TenantDirectory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.Clock;

/**
 * The Slack channel: the connector factory (always, so tenants can be configured and answered), and the
 * {@code /slack/events}, {@code /slack/install}, {@code /slack/oauth_redirect} endpoints when
 * {@code hub.slack.signing-secret} is set (install also needs {@code client-id} and {@code client-secret}).
 * Needs the hub's database (threads the hub answers in, install states) and, for the endpoints, core's
 * {@link InboundIntake} and {@link ChannelAccounts}.
 */
@AutoConfiguration(after = ConnectorCoreAutoConfiguration.class)
@ConditionalOnBean(InboundIntake.class) // the channel template: where connector-core runs (see docs/adding-a-channel.md)
@EnableConfigurationProperties(SlackProperties.class)
public class SlackAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Slack slack(SlackProperties properties) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(properties.apiUrl());
        config.setHttpClientCallTimeoutMillis(15_000); // a hung call must fail so the pipeline can retry it
        return Slack.getInstance(config);
    }

    @Bean
    SlackWebApi slackWebApi(Slack slack, SlackProperties properties) {
        return new SlackWebApi(slack, properties);
    }

    @Bean
    SlackMessageRenderer slackMessageRenderer() {
        return new SlackMessageRenderer();
    }

    @Bean
    SlackThreads slackThreads(DataSource dataSource) {
        return new SlackThreads(JdbcClient.create(dataSource));
    }

    @Bean
    SlackConnectorFactory slackConnectorFactory(SlackWebApi api, SlackMessageRenderer renderer, SlackThreads threads,
                                                SlackProperties properties) {
        return new SlackConnectorFactory(api, renderer, threads, new SlackThreadHistory(api, properties.historyTimeout()));
    }

    /** The inbound endpoints: served only when the app's signing secret is configured. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "hub.slack", name = "signing-secret")
    static class SlackEndpoints {

        /** Slack's events and interaction payloads are small; a message's text is at most 40,000 characters. */
        private static final int MAX_REQUEST_BYTES = 1024 * 1024;

        @Bean
        ServletRegistrationBean<InboundServlet> slackEventsServlet(SlackProperties properties, SlackWebApi api,
                                                                   SlackThreads threads, ChannelAccounts accounts,
                                                                   InboundIntake intake) {
            if (!properties.eventsEnabled()) {
                throw new IllegalStateException("hub.slack.signing-secret is blank: set the Slack app's signing secret or remove the property");
            }
            SlackEndpoint endpoint = new SlackEndpoint(new SlackRequests(properties.signingSecret()), accounts, threads, api);
            return InboundEndpoints.serve("slackEvents", endpoint, intake, MAX_REQUEST_BYTES, SlackEndpoint.PATH);
        }

        @Bean(destroyMethod = "stop")
        App slackApp(SlackProperties properties, Slack slack, ChannelAccounts accounts, DataSource dataSource,
                     ObjectProvider<TenantDirectory> tenants, ObjectProvider<AdminSession> adminSession) {
            // without the hub's sign-in nobody is an admin, so no install can start
            AdminSession admins = adminSession.getIfAvailable(() -> AdminSession.NOBODY);
            SlackInstallStates states = properties.installEnabled() ? new SlackInstallStates(JdbcClient.create(dataSource),
                    admins, properties.installStateTtl(), Clock.systemUTC()) : null;
            SlackInstallations installations = properties.installEnabled() ? new SlackInstallations(accounts) : null;
            return SlackBoltApp.create(properties, slack, states, installations, tenants.getIfAvailable(), admins);
        }

        @Bean
        @ConditionalOnProperty(prefix = "hub.slack", name = {"client-id", "client-secret"})
        ServletRegistrationBean<SlackOAuthAppServlet> slackInstallServlet(App slackApp) {
            ServletRegistrationBean<SlackOAuthAppServlet> registration = new ServletRegistrationBean<>(
                    new SlackOAuthAppServlet(slackApp), SlackBoltApp.INSTALL_PATH, SlackBoltApp.REDIRECT_PATH);
            registration.setName("slackInstall");
            return registration;
        }
    }
}
