package io.resolvehub.api;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.time.Duration;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The foundation's API behaviour, run against the whole application on each database (see the subclasses).
 */
abstract class FoundationApiContract {

    @LocalServerPort
    int port;

    ApiClient api;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void createsTheDefaultTenantOnFirstStart() {
        HttpResponse<String> response = api.get("/api/v1/tenants/default");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"id\":\"default\"");
    }

    @Test
    void answersAnUnknownTenantWith404ProblemJson() {
        HttpResponse<String> response = api.get("/api/v1/tenants/nobody-here");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("There is no tenant 'nobody-here'");
    }

    @Test
    void refusesACallWithoutCredentialsWith401ProblemJson() {
        HttpResponse<String> response = api.send(api.anonymous("/api/v1/tenants/default").GET().build());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("Authorization: Bearer");
    }

    @Test
    void refusesAWrongToken() {
        HttpResponse<String> response = api.send(api.anonymous("/api/v1/tenants/default")
                .header("Authorization", "Bearer not-the-token").GET().build());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void createsATenantOnceAndRefusesADuplicate() {
        assertThat(api.postJson("/api/v1/tenants", "{\"id\":\"acme\",\"name\":\"Acme\"}").statusCode()).isEqualTo(201);

        HttpResponse<String> again = api.postJson("/api/v1/tenants", "{\"id\":\"acme\",\"name\":\"Other\"}");

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(api.get("/api/v1/tenants/acme").body()).contains("\"name\":\"Acme\"");
    }

    @Test
    void refusesAnInvalidTenantIdWithADetailSayingWhatIsAllowed() {
        HttpResponse<String> response = api.postJson("/api/v1/tenants", "{\"id\":\"Not Valid!\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("lower-case letters, digits and dashes");
        assertThat(api.get("/api/v1/tenants").body()).doesNotContain("Not Valid");
    }

    @Test
    void refusesMalformedJsonWith400() {
        HttpResponse<String> response = api.postJson("/api/v1/tenants", "{\"id\":");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("not valid JSON");
    }

    @Test
    void refusesA100MegabyteUploadWith413BeforeReadingIt() {
        long size = 100L * 1024 * 1024;
        AtomicLong sent = new AtomicLong();
        // The body is generated on the fly, so the test itself never holds 100 MB either.
        HttpRequest request = api.request("/api/v1/tenants/default/sources")
                .header("Content-Type", "multipart/form-data; boundary=xyz")
                .expectContinue(true)
                .POST(HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofInputStream(() -> new CountingZeros(size, sent)), size))
                .build();

        HttpResponse<String> response = api.send(request);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("larger than the hub accepts");
        assertThat(sent.get()).as("bytes the client had to send").isLessThan(size);
    }

    @Test
    void answersTheReadmeQuestionFromTheSampleHelpCenterWithACitation() {
        await().atMost(Duration.ofMinutes(2)).until(() -> {
            String sources = api.get("/api/v1/tenants/default/sources").body();
            return sources.contains("Reset your password") && !sources.matches("(?s).*\"(pending|indexing)\".*");
        });

        HttpResponse<String> response = api.postJson("/api/v1/tenants/default/ask", "{\"question\":\"how do I reset my password\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("\"decision\":\"answer\"")
                .contains("\"title\":\"Reset your password\"")
                .contains("https://help.lumennotes.example/articles/reset-your-password")
                .contains("Click Forgot password?");   // the forgotten-password steps, not the change-password ones
    }

    @Test
    void refusesAnUploadOfAnUnsupportedTypeWith415AndSaysWhatIsAccepted() {
        String boundary = "hubtest";
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"slides.pptx\"\r\n"
                + "Content-Type: application/vnd.openxmlformats-officedocument.presentationml.presentation\r\n\r\n"
                + "PK not really slides\r\n--" + boundary + "--\r\n";
        String before = api.get("/api/v1/tenants/default/sources").body();

        HttpResponse<String> response = api.send(api.request("/api/v1/tenants/default/sources")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).containsIgnoringCase("pdf").containsIgnoringCase("markdown");
        String after = api.get("/api/v1/tenants/default/sources").body();
        assertThat(after).doesNotContain("slides");
        assertThat(sourceCount(after)).as("sources after the refused upload").isEqualTo(sourceCount(before));
    }

    @Test
    void refusesAMultipartUploadWithoutABoundaryWith400SayingHowToSendTheFile() {
        String before = api.get("/api/v1/tenants/default/sources").body();

        HttpResponse<String> response = api.send(api.request("/api/v1/tenants/default/sources")
                .header("Content-Type", "multipart/form-data")
                .POST(HttpRequest.BodyPublishers.ofString(uploadOf("no-boundary.md", "hubtest", true))).build());

        assertProblem(response, 400, "multipart/form-data", "'file'");
        assertNoSourceWasAdded(before, "no-boundary.md");
    }

    @Test
    void refusesAMultipartUploadCutOffBeforeItsClosingBoundaryWith400() {
        String before = api.get("/api/v1/tenants/default/sources").body();

        HttpResponse<String> response = api.send(api.request("/api/v1/tenants/default/sources")
                .header("Content-Type", "multipart/form-data; boundary=hubtest")
                .POST(HttpRequest.BodyPublishers.ofString(uploadOf("cut-off.md", "hubtest", false))).build());

        assertProblem(response, 400, "multipart/form-data", "'file'");
        assertNoSourceWasAdded(before, "cut-off.md");
    }

    @Test
    void refusesAnEmptyJsonBodyWith400NamingTheFieldsToSend() {
        String before = api.get("/api/v1/tenants").body();

        HttpResponse<String> response = api.postJson("/api/v1/tenants", "");

        assertProblem(response, 400, "request body is empty", "application/json", "'id'", "'name'");
        assertThat(response.body()).doesNotContain("org.springframework").doesNotContain("ResponseEntity");
        assertThat(api.get("/api/v1/tenants").body()).isEqualTo(before);
    }

    @Test
    void refusesABodyWithoutAContentTypeWith415NamingTheAcceptedTypes() {
        String before = api.get("/api/v1/tenants/default/sources").body();

        HttpResponse<String> response = api.send(api.request("/api/v1/tenants/default/sources")
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"text\",\"title\":\"untyped\",\"text\":\"hello\"}")).build());

        assertProblem(response, 415, "no Content-Type", "multipart/form-data", "application/json");
        assertThat(response.body()).doesNotContain("null");
        assertNoSourceWasAdded(before, "untyped");
    }

    @Test
    void reportsHealthWithoutCredentials() {
        HttpResponse<String> response = api.send(api.anonymous("/actuator/health").GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
    }

    /** A one-file multipart body; {@code complete == false} cuts it off inside the file, before the closing boundary. */
    private static String uploadOf(String filename, String boundary, boolean complete) {
        String start = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"" + filename + "\"\r\n"
                + "Content-Type: text/markdown\r\n\r\n"
                + "# Refunds\n\nRefunds take five days.\n";
        return complete ? start + "\r\n--" + boundary + "--\r\n" : start;
    }

    private static void assertProblem(HttpResponse<String> response, int status, String... detailMentions) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":" + status).contains(detailMentions);
    }

    private void assertNoSourceWasAdded(String sourcesBefore, String name) {
        String after = api.get("/api/v1/tenants/default/sources").body();
        assertThat(after).doesNotContain(name);
        assertThat(sourceCount(after)).as("sources after the refused request").isEqualTo(sourceCount(sourcesBefore));
    }

    private static long sourceCount(String sourcesJson) {
        return java.util.regex.Pattern.compile("\"id\":").matcher(sourcesJson).results().count();
    }

    /** An input stream of {@code size} zero bytes that counts how many were read. */
    private static final class CountingZeros extends InputStream {
        private final long size;
        private final AtomicLong read;

        CountingZeros(long size, AtomicLong read) {
            this.size = size;
            this.read = read;
        }

        @Override
        public int read() {
            if (read.get() >= size) return -1;
            read.incrementAndGet();
            return 0;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            long left = size - read.get();
            if (left <= 0) return -1;
            int n = (int) Math.min(len, left);
            java.util.Arrays.fill(b, off, off + n, (byte) 0);
            read.addAndGet(n);
            return n;
        }
    }

    @Test
    void describesEveryRestCallInOpenApiWithoutCredentials() {
        HttpResponse<String> response = api.send(api.anonymous("/v3/api-docs").GET().build());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode description = JsonMapper.builder().build().readTree(response.body());
        assertThat(description.at("/info/title").stringValue()).isEqualTo("ResolveHub API");

        Set<String> described = new TreeSet<>();
        description.get("paths").properties().forEach(path -> path.getValue().properties()
                .forEach(method -> described.add(method.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey())));
        Set<String> served = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
                .filter(p -> p.startsWith("/api/"))
                .forEach(p -> info.getMethodsCondition().getMethods()
                        .forEach(m -> served.add(m.name() + " " + p))));
        assertThat(served).as("REST calls the hub serves").contains("POST /api/v1/tenants/{tenant}/conversations/{id}/replies");
        assertThat(described).containsAll(served);
        assertThat(api.send(api.anonymous("/swagger-ui.html").GET().build()).statusCode()).isIn(200, 302);
    }
}
