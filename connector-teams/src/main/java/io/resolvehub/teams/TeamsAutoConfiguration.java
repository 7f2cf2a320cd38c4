package io.resolvehub.teams;

import io.resolvehub.core.InboundIntake;
import io.resolvehub.core.autoconfigure.ConnectorCoreAutoConfiguration;
import io.resolvehub.core.channel.ChannelAccounts;
import io.resolvehub.core.inbound.InboundEndpoints;
import io.resolvehub.core.inbound.InboundServlet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * The Teams channel: the connector factory (wherever connector-core runs, so tenants can be configured), and {@code POST /teams/messages}
 * and {@code GET /teams/app-package.zip} when {@code hub.teams.app-id} is set. The endpoint needs core's {@link InboundIntake} and {@link ChannelAccounts}.
 */
@AutoConfiguration(after = ConnectorCoreAutoConfiguration.class)
@ConditionalOnBean(InboundIntake.class) // the channel template: where connector-core runs (see docs/adding-a-channel.md)
@EnableConfigurationProperties(TeamsProperties.class)
public class TeamsAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TeamsAutoConfiguration.class);

    @Bean
    TeamsTokenClient teamsTokenClient(TeamsProperties properties) {
        return new TeamsTokenClient(properties.tokenUrl(), properties.appId(), properties.appPassword(),
                properties.callTimeout(), Clock.systemUTC());
    }

    @Bean
    TeamsConnectorApi teamsConnectorApi(TeamsTokenClient tokens, TeamsProperties properties) {
        return new TeamsConnectorApi(new TeamsAppCredentials(properties.appId(), tokens), properties);
    }

    @Bean
    TeamsConnectorFactory teamsConnectorFactory(TeamsConnectorApi api, TeamsTokenClient tokens) {
        return new TeamsConnectorFactory(api, tokens, new TeamsMessageRenderer());
    }

    /** The messaging endpoint: served only when the bot's app id is configured. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "hub.teams", name = "app-id")
    static class TeamsEndpoints {

        @Bean
        ServletRegistrationBean<InboundServlet> teamsMessagesServlet(TeamsProperties properties, ChannelAccounts accounts,
                                                                     InboundIntake intake) {
            if (!properties.endpointEnabled()) {
                throw new IllegalStateException("hub.teams.app-id is blank: set the bot's Microsoft app id or remove the property");
            }
            if (properties.appPassword() == null) {
                log.warn("hub.teams.app-id is set but hub.teams.app-password is not: Teams messages will be stored but "
                        + "no reply can be sent until the app registration's client secret is configured");
            }
            TeamsEndpoint endpoint = new TeamsEndpoint(new TeamsRequestAuthenticator(properties.appId(),
                    properties.openidMetadataUrl(), properties.callTimeout()), accounts, new TeamsActivityTranslator());
            return InboundEndpoints.serve("teamsMessages", endpoint, intake, properties.maxActivityBytes(), TeamsEndpoint.PATH);
        }

        @Bean
        ServletRegistrationBean<TeamsAppPackageServlet> teamsAppPackageServlet(TeamsProperties properties) {
            ServletRegistrationBean<TeamsAppPackageServlet> registration = new ServletRegistrationBean<>(
                    new TeamsAppPackageServlet(properties.appId(), properties.appWebsiteUrl()), TeamsAppPackageServlet.PATH);
            registration.setName("teamsAppPackage");
            return registration;
        }
    }
}
