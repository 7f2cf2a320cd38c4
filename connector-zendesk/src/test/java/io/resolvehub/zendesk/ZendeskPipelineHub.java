package io.resolvehub.zendesk;

import io.resolvehub.core.Answer;
import io.resolvehub.core.ChannelType;
import io.resolvehub.core.Citation;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.InboundIntake;
import io.resolvehub.core.channel.ChannelAccounts;
import io.resolvehub.core.channel.ChannelSettings;
import io.resolvehub.core.testing.FakeChannel;
import io.resolvehub.core.event.ConversationResolved;
import io.resolvehub.core.event.HandoffRequested;
import io.resolvehub.core.autoconfigure.ConnectorCoreAutoConfiguration;
import io.resolvehub.core.testing.TestDatabase;
import io.resolvehub.core.testing.ScriptedAnswerEngine;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.annotation.Bean;
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
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The Zendesk connector wired to connector-core's real pipeline (durable intake, workers, hand-off policy, inbox) on a
 * migrated database, served by Tomcat, reading and writing tickets through the fake Zendesk API. The agent gives a
 * fixed grounded answer.
 */
final class ZendeskPipelineHub implements AutoCloseable {

    static final TenantId ACME = new TenantId("acme");

    final FakeZendeskApi zendesk = new FakeZendeskApi();
    /** A chat channel (core's test double, as Slack) whose hand-offs go to the tenant's desk: its Zendesk. */
    final FakeChannel chat = new FakeChannel(ChannelType.SLACK);
    /** The agent: a fixed grounded answer, recording every question. */
    final ScriptedAnswerEngine agent = new ScriptedAnswerEngine();
    /** The billing-relevant events core published, as billing would receive them. */
    final List<Object> billingEvents = new CopyOnWriteArrayList<>();
    final DataSource dataSource;
    private final ConfigurableApplicationContext context;
    private final HttpClient http = HttpClient.newHttpClient();

    ZendeskPipelineHub(TestDatabase database) {
        agent.always(Answer.answer("To reset your password, open Settings > Security and choose Reset password.", 0.9,
                List.of(new Citation("src-1", "Resetting your password", "https://help.example.com/reset", "Open Settings"))));
        dataSource = database.freshDataSource("classpath:db/migration/core", "classpath:db/migration/zendesk");
        context = new SpringApplicationBuilder(Hub.class).web(WebApplicationType.SERVLET).properties(Map.of(
                        "hub.master-key", Base64.getEncoder().encodeToString(new byte[32]),
                        "hub.pipeline.poll-interval", "PT0.05S",
                        "spring.main.banner-mode", "off",
                        "logging.level.io.resolvehub", "WARN"))
                .initializers(ctx -> {
                    ctx.getBeanFactory().registerSingleton("dataSource", dataSource);
                    ctx.getBeanFactory().registerSingleton("answerEngine", agent);
                    ctx.getBeanFactory().registerSingleton("chatChannel", chat);
                    ctx.getBeanFactory().registerSingleton("billingProbe", (ApplicationListener<PayloadApplicationEvent<?>>) e -> {
                        if (e.getPayload() instanceof ConversationResolved || e.getPayload() instanceof HandoffRequested) {
                            billingEvents.add(e.getPayload());
                        }
                    });
                })
                .run();
        ZendeskFixtures.people(zendesk);
        context.getBean(ChannelAccounts.class).save(ACME, ChannelType.ZENDESK, null, ZendeskFixtures.settings(zendesk));
        context.getBean(ChannelAccounts.class).save(ACME, ChannelType.SLACK, "T0ACME",
                new ChannelSettings(Map.of("accountId", "T0ACME", "token", "xoxb-test")));
    }

    InboundIntake intake() {
        return context.getBean(InboundIntake.class);
    }

    JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }

    String status(long ticket) {
        return jdbc().sql("select status from conversations where channel = 'zendesk' and thread_key = ?")
                .param(Long.toString(ticket)).query(String.class).optional().orElse(null);
    }

    String column(long ticket, String column) {
        return jdbc().sql("select " + column + " from conversations where channel = 'zendesk' and thread_key = ?")
                .param(Long.toString(ticket)).query(String.class).single();
    }

    /** A webhook delivery for the ticket, signed now with the tenant's secret, as Zendesk sends it. */
    HttpResponse<String> webhook(long ticket, String invocationId) {
        return webhook(ticket, invocationId, ZendeskFixtures.WEBHOOK_SECRET, Instant.now());
    }

    /** A delivery signed with {@code secret} at {@code at}: a forged or stale one when those are wrong. */
    HttpResponse<String> webhook(long ticket, String invocationId, String secret, Instant at) {
        String body = ZendeskFixtures.body(ticket);
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/zendesk/webhook/acme"))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        ZendeskFixtures.signedHeaders(secret, body, invocationId, at).forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
        zendesk.close();
    }

    // Not a @Configuration: this module's test-jar is on hub-app's test classpath, where the hub's component scan
    // of io.resolvehub would pick a @Configuration up. Given to the builder as a source, its @Bean methods and
    // imports work the same (lite mode, as proxyBeanMethods = false was).
    @ImportAutoConfiguration({ConnectorCoreAutoConfiguration.class, ZendeskAutoConfiguration.class})
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
