package io.resolvehub.security.limits;

import io.resolvehub.HubTestSupport;
import io.resolvehub.api.ApiClient;
import io.resolvehub.security.AdminSignIn;
import io.resolvehub.security.AdminUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The hub's abuse limits with small numbers: 429 with Retry-After, per tenant and per source IP, logged once a minute. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class RateLimitsTest {

    @LocalServerPort
    int port;
    @Autowired
    AdminUsers admins;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        HubTestSupport.hubDefaults(registry);
        registry.add("hub.demo.enabled", () -> "false");
        registry.add("hub.rate-limits.enabled", () -> "true");
        registry.add("hub.rate-limits.api-per-tenant-per-second", () -> "5");
        registry.add("hub.rate-limits.sources-per-tenant-per-minute", () -> "3");
        registry.add("hub.rate-limits.inbound-per-ip-per-second", () -> "5");
        registry.add("hub.rate-limits.sign-ins-per-ip-per-minute", () -> "3");
    }

    @Test
    void aTenantsApiCallsOverTheLimitGet429WithRetryAfterAndOneLogLine(CapturedOutput output) {
        ApiClient api = new ApiClient(port);
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            responses.add(api.get("/api/v1/tenants/default/sources"));
        }

        List<HttpResponse<String>> limited = responses.stream().filter(r -> r.statusCode() == 429).toList();
        assertThat(limited).isNotEmpty();
        assertThat(responses.stream().filter(r -> r.statusCode() == 200)).hasSizeGreaterThanOrEqualTo(5);
        assertThat(limited).allSatisfy(r -> {
            assertThat(Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 1L);
            assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
            assertThat(r.body()).contains("API calls per tenant");
        });
        assertThat(output.getOut().lines().filter(l -> l.contains("Rate limit reached: API calls per tenant (client default)")))
                .as("one line per limited client per minute, not per request").hasSize(1);
    }

    @Test
    void addingSourcesIsLimitedPerMinute() {
        ApiClient api = new ApiClient(port);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            statuses.add(api.postJson("/api/v1/tenants/acme/sources", "{\"type\":\"text\"}").statusCode());
        }

        assertThat(statuses.subList(0, 3)).doesNotContain(429);
        HttpResponse<String> refused = api.postJson("/api/v1/tenants/acme/sources", "{\"type\":\"text\"}");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
    }

    /** The probe's 30 wrong passwords then the right one, spread over user names so no lockout stops them first. */
    @Test
    void signInAttemptsOverTheLimitPerSourceIpGet429EvenWithTheRightPassword() {
        admins.create("many@hub.example", "correct horse battery staple");
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 3; i++) {
            assertThat(AdminSignIn.attempt(http, port, "guess" + i + "@hub.example", "wrong").statusCode()).isEqualTo(302);
        }

        HttpResponse<String> right = AdminSignIn.attempt(http, port, "many@hub.example", "correct horse battery staple");

        assertThat(right.statusCode()).isEqualTo(429);
        assertThat(right.headers().firstValue("Set-Cookie").orElse("")).doesNotContain("JSESSIONID");
        assertThat(Long.parseLong(right.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
        assertThat(right.body()).contains("sign-in attempts per source IP");
    }

    @Test
    void platformDeliveriesArePerSourceIp() {
        ApiClient api = new ApiClient(port);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            statuses.add(api.send(api.anonymous("/teams/messages").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build()).statusCode());
        }

        assertThat(statuses).contains(429).doesNotContain(500);
    }
}
