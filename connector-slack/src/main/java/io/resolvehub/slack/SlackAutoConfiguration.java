package io.resolvehub.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.jakarta_servlet.SlackAppServlet;
import com.slack.api.bolt.jakarta_servlet.SlackOAuthAppServlet;
import io.resolvehub.core.InboundIntake;
import io.resolvehub.core.channel.ChannelAccounts;
import io.resolvehub.core.tenant.AdminSession;
import io.resolvehub.core.tenant.TenantDirectory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
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
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnBean(DataSource.class)
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
    SlackConnectorFactory slackConnectorFactory(SlackWebApi api, SlackMessageRenderer renderer, SlackThreads threads) {
        return new SlackConnectorFactory(api, renderer, threads);
    }

    /** The inbound endpoints: served only when the app's signing secret is configured. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "hub.slack", name = "signing-secret")
    static class SlackEndpoints {

        @Bean(destroyMethod = "close")
        SlackInbound slackInbound(SlackProperties properties, SlackWebApi api, SlackThreads threads,
                                  ChannelAccounts accounts, InboundIntake intake) {
            if (!properties.eventsEnabled()) {
                throw new IllegalStateException("hub.slack.signing-secret is blank: set the Slack app's signing secret or remove the property");
            }
            return new SlackInbound(accounts, intake, threads, api, new SlackEventTranslator(), properties.historyTimeout());
        }

        @Bean(destroyMethod = "stop")
        App slackApp(SlackProperties properties, Slack slack, SlackInbound inbound, ChannelAccounts accounts,
                     DataSource dataSource, ObjectProvider<TenantDirectory> tenants,
                     ObjectProvider<AdminSession> adminSession) {
            // without the hub's sign-in nobody is an admin, so no install can start
            AdminSession admins = adminSession.getIfAvailable(() -> AdminSession.NOBODY);
            SlackInstallStates states = properties.installEnabled() ? new SlackInstallStates(JdbcClient.create(dataSource),
                    admins, properties.installStateTtl(), Clock.systemUTC()) : null;
            SlackInstallations installations = properties.installEnabled() ? new SlackInstallations(accounts) : null;
            return SlackBoltApp.create(properties, slack, inbound, states, installations, tenants.getIfAvailable(), admins);
        }

        @Bean
        ServletRegistrationBean<SlackAppServlet> slackEventsServlet(App slackApp) {
            ServletRegistrationBean<SlackAppServlet> registration =
                    new ServletRegistrationBean<>(new SlackAppServlet(slackApp), SlackBoltApp.EVENTS_PATH);
            registration.setName("slackEvents");
            return registration;
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
