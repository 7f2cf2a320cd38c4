package io.resolvehub.slack;

import com.slack.api.app_backend.SlackSignature;
import io.resolvehub.core.Answer;
import io.resolvehub.core.ChannelType;
import io.resolvehub.core.Citation;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.channel.ChannelAccounts;
import io.resolvehub.core.channel.ChannelSettings;
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
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The Slack connector wired to connector-core's real pipeline (durable intake, workers, policy, inbox) on a migrated
 * database, served by Tomcat, answering through the fake Slack Web API. The agent is a fixed grounded answer.
 */
final class SlackPipelineHub implements AutoCloseable {

    static final TenantId ACME = new TenantId("acme");

    final FakeSlackApi slack = new FakeSlackApi();
    /** The agent: a fixed grounded answer, recording every question. */
    final ScriptedAnswerEngine agent = new ScriptedAnswerEngine();
    /** A Zendesk-like desk for tenant acme while connected; else core's inbox is used. */
    final RecordingTicketDesk zendesk = new RecordingTicketDesk(ACME);
    final DataSource dataSource;
    private final ConfigurableApplicationContext context;
    private final HttpClient http = HttpClient.newHttpClient();

    SlackPipelineHub(TestDatabase database) {
        agent.always(Answer.answer("To reset your password, open **Settings** and choose *Reset password*.", 0.9,
                List.of(new Citation("src-1", "Resetting your password", "https://help.example.com/reset", "Open Settings"))));
        dataSource = database.freshDataSource("classpath:db/migration/core", "classpath:db/migration/slack");
        context = new SpringApplicationBuilder(Hub.class).web(WebApplicationType.SERVLET).properties(Map.of(
                "hub.slack.signing-secret", SlackHub.SIGNING_SECRET,
                "hub.slack.api-url", slack.url(),
                "hub.slack.posts-per-second-per-channel", "1000",
                "hub.master-key", Base64.getEncoder().encodeToString(new byte[32]),
                "hub.pipeline.poll-interval", "PT0.05S",
                "spring.main.banner-mode", "off",
                "logging.level.io.resolvehub", "WARN"))
                .initializers(ctx -> {
                    ctx.getBeanFactory().registerSingleton("dataSource", dataSource);
                    ctx.getBeanFactory().registerSingleton("answerEngine", agent);
                    ctx.getBeanFactory().registerSingleton("zendeskDesks", zendesk);
                })
                .run();
        context.getBean(ChannelAccounts.class).save(ACME, ChannelType.SLACK, "T0HUBTEST", new ChannelSettings(Map.of(
                "teamId", "T0HUBTEST", "botToken", "xoxb-test-token", "escalationChannel", "C0ESCALATE")));
    }

    List<FakeSlackApi.Call> posts(String channel) {
        return slack.calls("chat.postMessage").stream().filter(c -> channel.equals(c.param("channel"))).toList();
    }

    JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }

    String status(String threadKey) {
        return jdbc().sql("select status from conversations where thread_key = ?").param(threadKey).query(String.class).single();
    }

    /** A delivery to {@code /slack/events}, signed now with the SDK's own generator. */
    HttpResponse<String> post(String contentType, String body) {
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slack/events"))
                    .header("Content-Type", contentType)
                    .header(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP, timestamp)
                    .header(SlackSignature.HeaderNames.X_SLACK_SIGNATURE,
                            new SlackSignature.Generator(SlackHub.SIGNING_SECRET).generate(timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
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
        slack.close();
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({ConnectorCoreAutoConfiguration.class, SlackAutoConfiguration.class})
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
