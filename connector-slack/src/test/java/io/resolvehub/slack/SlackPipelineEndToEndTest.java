package io.resolvehub.slack;

import com.slack.api.app_backend.SlackSignature;
import io.resolvehub.core.Answer;
import io.resolvehub.core.AnswerEngine;
import io.resolvehub.core.AnswerRequest;
import io.resolvehub.core.ChannelType;
import io.resolvehub.core.Citation;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.channel.ChannelAccounts;
import io.resolvehub.core.channel.ChannelSettings;
import io.resolvehub.core.internal.ConnectorCoreAutoConfiguration;
import io.resolvehub.core.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Slack through the real conversation pipeline of connector-core: signed HTTP deliveries in, the durable intake and
 * workers, the connector's replies out to the fake Slack Web API.
 */
class SlackPipelineEndToEndTest {

    private static final TenantId ACME = new TenantId("acme");
    private static final FakeSlackApi slack = new FakeSlackApi();
    private static final List<AnswerRequest> questions = new CopyOnWriteArrayList<>();
    private static final DataSource dataSource = TestDatabase.H2.freshDataSource("classpath:db/migration/core", "classpath:db/migration/slack");
    private static ConfigurableApplicationContext context;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        context = new SpringApplicationBuilder(Hub.class).web(WebApplicationType.SERVLET).properties(Map.of(
                "hub.slack.signing-secret", SlackHub.SIGNING_SECRET,
                "hub.slack.api-url", slack.url(),
                "hub.slack.posts-per-second-per-channel", "1000",
                "hub.master-key", Base64.getEncoder().encodeToString(new byte[32]),
                "hub.pipeline.poll-interval", "PT0.05S",
                "spring.main.banner-mode", "off")).run();
        context.getBean(ChannelAccounts.class).save(ACME, ChannelType.SLACK, "T0HUBTEST", new ChannelSettings(Map.of(
                "teamId", "T0HUBTEST", "botToken", "xoxb-test-token", "escalationChannel", "C0ESCALATE")));
    }

    @AfterAll
    static void stop() {
        context.close();
        slack.close();
    }

    @Test
    void aMentionIsAnsweredOnceInItsThreadThenFollowUpsAndTheResolveButtonWork() {
        String mention = SlackHub.sample("events/app_mention.json");
        assertThat(post("application/json", mention).statusCode()).isEqualTo(200);
        assertThat(post("application/json", mention).statusCode()).as("Slack's retry").isEqualTo(200);

        FakeSlackApi.Call answer = awaitPosts("C0SUPPORT", 1).getFirst();
        assertThat(answer.param("thread_ts")).isEqualTo("1700000000.000100");
        assertThat(answer.param("blocks")).contains("open *Settings*", "hub_resolved", "hub_handoff",
                "https://help.example.com/reset|Resetting your password");

        assertThat(post("application/json", SlackHub.sample("events/message_thread_reply.json")).statusCode()).isEqualTo(200);
        List<FakeSlackApi.Call> answers = awaitPosts("C0SUPPORT", 2);
        assertThat(answers.get(1).param("thread_ts")).isEqualTo("1700000000.000100");
        assertThat(questions.getLast().history()).as("the follow-up is asked with the thread so far").hasSize(2);

        String click = SlackHub.sample("interactivity/block_actions.json")
                .replace("${action_id}", "hub_resolved").replace("${action_text}", "That solved it");
        assertThat(post("application/x-www-form-urlencoded", "payload=" + URLEncoder.encode(click, StandardCharsets.UTF_8)).statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> !slack.calls("chat.update").isEmpty());
        FakeSlackApi.Call update = slack.calls("chat.update").getFirst();
        assertThat(update.param("ts")).isEqualTo("1700000001.000200");
        assertThat(update.param("blocks")).doesNotContain("hub_feedback").contains("Solved");
        assertThat(status("C0SUPPORT:1700000000.000100")).isEqualTo("resolved");
        assertThat(questions).as("one engine call per user message, the retry included").hasSize(2);
    }

    @Test
    void askingForAPersonOpensAnInboxTicketAnnouncedInTheThreadAndTheEscalationChannel() {
        String dm = SlackHub.sample("events/message_im.json")
                .replace("Can I change the billing currency?", "I want to talk to a human please")
                .replace("Ev0DIRECT01", "Ev0DIRECT99");

        assertThat(post("application/json", dm).statusCode()).isEqualTo(200);

        FakeSlackApi.Call notice = awaitPosts("D0CUSTOMER", 1).getFirst();
        assertThat(notice.param("thread_ts")).isEqualTo("1700000300.000600");
        assertThat(notice.param("text")).contains("a person", "#HUB-");
        FakeSlackApi.Call escalation = awaitPosts("C0ESCALATE", 1).getFirst();
        assertThat(escalation.param("text")).contains("user_request", "#HUB-", "hubtest.slack.com/archives");
        assertThat(status("D0CUSTOMER:1700000300.000600")).isEqualTo("escalated");
    }

    private static List<FakeSlackApi.Call> awaitPosts(String channel, int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> posts(channel).size() >= count);
        return posts(channel);
    }

    private static List<FakeSlackApi.Call> posts(String channel) {
        return slack.calls("chat.postMessage").stream().filter(c -> channel.equals(c.param("channel"))).toList();
    }

    private static String status(String threadKey) {
        return JdbcClient.create(dataSource).sql("select status from conversations where thread_key = ?")
                .param(threadKey).query(String.class).single();
    }

    private static HttpResponse<String> post(String contentType, String body) {
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slack/events"))
                    .header("Content-Type", contentType)
                    .header(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP, timestamp)
                    .header(SlackSignature.HeaderNames.X_SLACK_SIGNATURE,
                            new SlackSignature.Generator(SlackHub.SIGNING_SECRET).generate(timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({ConnectorCoreAutoConfiguration.class, SlackAutoConfiguration.class})
    static class Hub {
        @Bean
        TomcatServletWebServerFactory tomcat() {
            return new TomcatServletWebServerFactory(0);
        }

        @Bean
        DataSource dataSource() {
            return dataSource;
        }

        @Bean
        PlatformTransactionManager transactionManager(DataSource dataSource) {
            return new DataSourceTransactionManager(dataSource);
        }

        /** A grounded answer for every question; the pipeline's policy decides the rest. */
        @Bean
        AnswerEngine answerEngine() {
            return request -> {
                questions.add(request);
                return Answer.answer("To reset your password, open **Settings** and choose *Reset password*.", 0.9,
                        List.of(new Citation("src-1", "Resetting your password", "https://help.example.com/reset", "Open Settings")));
            };
        }
    }
}
