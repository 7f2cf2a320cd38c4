package io.resolvehub.teams;

import io.resolvehub.core.ChannelType;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.channel.ChannelSettings;
import io.resolvehub.core.testing.InMemoryChannelAccounts;
import io.resolvehub.core.testing.RecordingIntake;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The Teams connector as the hub serves it: the auto-configuration in a Spring Boot app on a real Tomcat (random
 * port), with a recording intake, in-memory channel records, and the {@link FakeBotFramework} for keys, tokens and
 * replies.
 */
final class TeamsHub implements AutoCloseable {

    static final String APP_ID = "9f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f";
    static final String APP_PASSWORD = "app-password-value";
    static final TenantId TENANT = new TenantId("acme");
    static final String TEAMS_TENANT_ID = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    static final String WEBSITE = "https://hub.example.com";

    final FakeBotFramework botFramework = FakeBotFramework.shared();
    final RecordingIntake intake = new RecordingIntake();
    final InMemoryChannelAccounts accounts = new InMemoryChannelAccounts();
    private final ConfigurableApplicationContext context;
    private final HttpClient http = HttpClient.newHttpClient();

    private static TeamsHub shared;

    /** One hub for every test class of this JVM; call {@link #reset()} per test. */
    static synchronized TeamsHub shared() {
        if (shared == null) {
            shared = new TeamsHub();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared.reset();
    }

    private TeamsHub() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("hub.teams.app-id", APP_ID);
        properties.put("hub.teams.app-password", APP_PASSWORD);
        properties.put("hub.teams.token-url", botFramework.tokenUrl("botframework.com"));
        properties.put("hub.teams.openid-metadata-url", botFramework.openIdMetadataUrl());
        properties.put("hub.teams.sends-per-second-per-conversation", "1000");
        properties.put("hub.teams.app-website-url", WEBSITE);
        properties.put("spring.main.banner-mode", "off");
        context = new SpringApplicationBuilder(TestApp.class)
                .web(WebApplicationType.SERVLET)
                .properties(properties)
                .initializers(ctx -> {
                    ctx.getBeanFactory().registerSingleton("inboundIntake", intake);
                    ctx.getBeanFactory().registerSingleton("channelAccounts", accounts);
                })
                .run();
    }

    TeamsHub reset() {
        intake.reset();
        accounts.clear();
        botFramework.reset();
        return this;
    }

    /** Microsoft 365 tenant {@link #TEAMS_TENANT_ID} connected to hub tenant {@code acme}. */
    TeamsHub connected() {
        accounts.save(TENANT, ChannelType.TEAMS, TEAMS_TENANT_ID, new ChannelSettings(Map.of(
                TeamsConnectorFactory.TEAMS_TENANT_ID, TEAMS_TENANT_ID)));
        return this;
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** An activity with a valid channel token for this bot and the activity's service URL. */
    HttpResponse<String> postActivity(String json) {
        return postActivity(json, botFramework.token(APP_ID, botFramework.serviceUrl()));
    }

    /** An activity with the given {@code Authorization} header (null for none). */
    HttpResponse<String> postActivity(String json, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + "/teams/messages"))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A recorded activity from {@code src/test/resources/teams/activities/}, addressed to the fake's connector. */
    static String activity(String name, FakeBotFramework botFramework) {
        return sample("activities/" + name + ".json").replace("${serviceUrl}", botFramework.serviceUrl());
    }

    static String sample(String path) {
        try (InputStream in = TeamsHub.class.getResourceAsStream("/teams/" + path)) {
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
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(TeamsAutoConfiguration.class)
    static class TestApp {
        @Bean
        TomcatServletWebServerFactory tomcat() {
            return new TomcatServletWebServerFactory(0);
        }
    }
}
