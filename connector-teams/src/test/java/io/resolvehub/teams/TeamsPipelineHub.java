package io.resolvehub.teams;

import io.resolvehub.core.Answer;
import io.resolvehub.core.ChannelType;
import io.resolvehub.core.Citation;
import io.resolvehub.core.channel.ChannelAccounts;
import io.resolvehub.core.channel.ChannelSettings;
import io.resolvehub.core.conversation.HumanDesk;
import io.resolvehub.core.autoconfigure.ConnectorCoreAutoConfiguration;
import io.resolvehub.core.testing.TestDatabase;
import io.resolvehub.core.testing.ScriptedAnswerEngine;
import io.resolvehub.core.testing.RecordingTicketDesk;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Teams connector wired to connector-core's real pipeline (durable intake, workers, policy, inbox) on a migrated
 * database, served by Tomcat, answering through the fake Bot Framework. The agent is a fixed grounded answer.
 */
final class TeamsPipelineHub implements AutoCloseable {

    static final String ESCALATION = "19:e5c0ffee0000111122223333aaaabbbb@thread.tacv2";

    final FakeBotFramework botFramework = FakeBotFramework.shared();
    /** The agent: a fixed grounded answer, recording every question. */
    final ScriptedAnswerEngine agent = new ScriptedAnswerEngine();
    /** A Zendesk-like desk for the test tenant while connected; else core's inbox is used. */
    final RecordingTicketDesk zendesk = new RecordingTicketDesk(TeamsHub.TENANT);
    final DataSource dataSource;
    private final ConfigurableApplicationContext context;
    private final HttpClient http = HttpClient.newHttpClient();

    TeamsPipelineHub(TestDatabase database) {
        agent.always(Answer.answer("To reset your password, open **Settings** and choose *Reset password*.", 0.9,
                List.of(new Citation("src-1", "Resetting your password", "https://help.example.com/reset", "Open Settings"))));
        dataSource = database.freshDataSource("classpath:db/migration/core");
        Map<String, Object> properties = new HashMap<>();
        properties.put("hub.teams.app-id", TeamsHub.APP_ID);
        properties.put("hub.teams.app-password", TeamsHub.APP_PASSWORD);
        properties.put("hub.teams.token-url", botFramework.tokenUrl("botframework.com"));
        properties.put("hub.teams.openid-metadata-url", botFramework.openIdMetadataUrl());
        properties.put("hub.teams.sends-per-second-per-conversation", "1000");
        properties.put("hub.master-key", Base64.getEncoder().encodeToString(new byte[32]));
        properties.put("hub.pipeline.poll-interval", "PT0.05S");
        properties.put("spring.main.banner-mode", "off");
        properties.put("logging.level.io.resolvehub", "WARN");
        context = new SpringApplicationBuilder(Hub.class).web(WebApplicationType.SERVLET).properties(properties)
                .initializers(ctx -> {
                    ctx.getBeanFactory().registerSingleton("dataSource", dataSource);
                    ctx.getBeanFactory().registerSingleton("answerEngine", agent);
                    ctx.getBeanFactory().registerSingleton("zendeskDesks", zendesk);
                })
                .run();
        context.getBean(ChannelAccounts.class).save(TeamsHub.TENANT, ChannelType.TEAMS, TeamsHub.TEAMS_TENANT_ID,
                new ChannelSettings(Map.of(TeamsConnectorFactory.TEAMS_TENANT_ID, TeamsHub.TEAMS_TENANT_ID,
                        TeamsConnectorFactory.ESCALATION_CONVERSATION_ID, ESCALATION)));
    }

    /** The inbox desk a person answers a hand-off from (the admin page and REST {@code /replies} use it). */
    HumanDesk desk() {
        return context.getBean(HumanDesk.class);
    }

    JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }

    String status(String threadKey) {
        return JdbcClient.create(dataSource).sql("select status from conversations where thread_key = ?")
                .param(threadKey).query(String.class).single();
    }

    /** An activity to {@code /teams/messages} with a valid channel token. */
    HttpResponse<String> post(String activity) {
        return post(activity, botFramework.token(TeamsHub.APP_ID, botFramework.serviceUrl()));
    }

    /** An activity with the given {@code Authorization} header (a token minted once can serve many requests). */
    HttpResponse<String> post(String activity, String authorization) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/teams/messages"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", authorization)
                    .POST(HttpRequest.BodyPublishers.ofString(activity)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        context.close();
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({ConnectorCoreAutoConfiguration.class, TeamsAutoConfiguration.class})
    static class Hub {
        @Bean
        TomcatServletWebServerFactory tomcat() {
            return new TomcatServletWebServerFactory(0);
        }

        @Bean
        PlatformTransactionManager transactionManager(DataSource dataSource) {
            return new DataSourceTransactionManager(dataSource);
        }
    }
}
