package io.resolvehub.slack;

import com.slack.api.app_backend.SlackSignature;
import io.resolvehub.core.ChannelType;
import io.resolvehub.core.InboundIntake;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.channel.ChannelAccounts;
import io.resolvehub.core.channel.ChannelSettings;
import io.resolvehub.core.tenant.AdminSession;
import io.resolvehub.core.tenant.Tenant;
import io.resolvehub.core.tenant.TenantDirectory;
import io.resolvehub.core.testing.InMemoryChannelAccounts;
import io.resolvehub.core.testing.RecordingIntake;
import io.resolvehub.core.testing.TestDatabase;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The Slack connector as the hub serves it: the auto-configuration in a Spring Boot app on a real Tomcat (random
 * port), with a recording intake, in-memory channel records, a migrated H2 database and a fake Slack Web API.
 * Requests are signed with the Slack SDK's own {@link SlackSignature.Generator}.
 */
final class SlackHub implements AutoCloseable {

    static final String SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    static final TenantId TENANT = new TenantId("acme");
    static final String TEAM_ID = "T0HUBTEST";
    static final String BOT_TOKEN = "xoxb-test-token";

    final FakeSlackApi slack = new FakeSlackApi();
    final RecordingIntake intake = new RecordingIntake();
    final InMemoryChannelAccounts accounts = new InMemoryChannelAccounts();
    final DataSource dataSource = TestDatabase.H2.freshDataSource("classpath:db/migration/slack");
    private final ConfigurableApplicationContext context;
    /** The hub's sign-in stands outside the connector: here, the tenant whose admin is signed in; null for nobody. */
    private volatile TenantId signedInAdminOf;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private static SlackHub shared;

    /** One hub for every test class of this JVM (starting Spring is the slow part); call {@link #reset()} per test. */
    static synchronized SlackHub shared() {
        if (shared == null) {
            shared = new SlackHub(Map.of());
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared.reset();
    }

    SlackHub(Map<String, String> extraProperties) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("hub.slack.signing-secret", SIGNING_SECRET);
        properties.put("hub.slack.client-id", "1111.2222");
        properties.put("hub.slack.client-secret", "client-secret-value");
        properties.put("hub.slack.api-url", slack.url());
        properties.put("hub.slack.posts-per-second-per-channel", "1000");
        properties.put("spring.main.banner-mode", "off");
        properties.putAll(extraProperties);
        context = new SpringApplicationBuilder(TestApp.class)
                .web(WebApplicationType.SERVLET)
                .properties(properties)
                .initializers(ctx -> {
                    ctx.getBeanFactory().registerSingleton("inboundIntake", intake);
                    ctx.getBeanFactory().registerSingleton("channelAccounts", accounts);
                    ctx.getBeanFactory().registerSingleton("dataSource", dataSource);
                    ctx.getBeanFactory().registerSingleton("tenantDirectory", new KnownTenants("default", "acme", "globex"));
                    ctx.getBeanFactory().registerSingleton("adminSession", (AdminSession) tenant ->
                            tenant.equals(signedInAdminOf) ? Optional.of("lead@" + tenant.value()) : Optional.empty());
                })
                .run();
    }

    /** Back to an empty hub between tests (starting Spring for each test would be slow). */
    SlackHub reset() {
        intake.reset();
        accounts.clear();
        signedInAdminOf = null;
        slack.reset();
        jdbc().sql("delete from slack_threads").update();
        jdbc().sql("delete from slack_install_states").update();
        return this;
    }

    /** From now on an admin of {@code tenant} is signed in to the hub (null: nobody). */
    SlackHub signedInAsAdminOf(String tenant) {
        signedInAdminOf = tenant == null ? null : new TenantId(tenant);
        return this;
    }

    /** The workspace {@code T0HUBTEST} installed for tenant {@code acme}. */
    SlackHub installed() {
        accounts.save(TENANT, ChannelType.SLACK, TEAM_ID, new ChannelSettings(Map.of(
                SlackConnectorFactory.TEAM_ID, TEAM_ID, SlackConnectorFactory.BOT_TOKEN, BOT_TOKEN)));
        return this;
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    ChannelAccounts accounts() {
        return accounts;
    }

    JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** A JSON Events API delivery, signed now. */
    HttpResponse<String> postEvent(String json, String... headers) {
        return post("application/json", json, Instant.now().getEpochSecond(), null, headers);
    }

    /** A form delivery (slash command, or interactivity as {@code payload=}), signed now. */
    HttpResponse<String> postForm(String form) {
        return post("application/x-www-form-urlencoded", form, Instant.now().getEpochSecond(), null);
    }

    HttpResponse<String> postInteraction(String payloadJson) {
        return postForm("payload=" + URLEncoder.encode(payloadJson, StandardCharsets.UTF_8));
    }

    /** A delivery signed at {@code timestamp}, or with {@code signature} when it is not null. */
    HttpResponse<String> post(String contentType, String body, long timestamp, String signature, String... headers) {
        String signed = signature != null ? signature
                : new SlackSignature.Generator(SIGNING_SECRET).generate(Long.toString(timestamp), body);
        List<String> all = new ArrayList<>(List.of(
                "Content-Type", contentType,
                SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP, Long.toString(timestamp),
                SlackSignature.HeaderNames.X_SLACK_SIGNATURE, signed));
        all.addAll(List.of(headers));
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + "/slack/events"))
                .headers(all.toArray(String[]::new))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Raw bytes, with whatever headers (none signs them). */
    HttpResponse<String> postBytes(byte[] body, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + "/slack/events")).headers(headers)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    HttpResponse<String> get(String pathAndQuery, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + pathAndQuery)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A recorded sample from {@code src/test/resources/slack/}. */
    static String sample(String path) {
        try (InputStream in = SlackHub.class.getResourceAsStream("/slack/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        context.close();
        slack.close();
    }

    /** The hub's tenants: a fixed set. */
    private record KnownTenants(List<String> ids) implements TenantDirectory {
        KnownTenants(String... ids) {
            this(List.of(ids));
        }

        @Override
        public Optional<Tenant> find(TenantId id) {
            return ids.contains(id.value()) ? Optional.of(new Tenant(id, id.value(), Instant.EPOCH)) : Optional.empty();
        }

        @Override
        public boolean create(TenantId id, String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Tenant> all() {
            return ids.stream().map(id -> new Tenant(new TenantId(id), id, Instant.EPOCH)).toList();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(SlackAutoConfiguration.class)
    static class TestApp {
        @Bean
        TomcatServletWebServerFactory tomcat() {
            return new TomcatServletWebServerFactory(0);
        }
    }
}
