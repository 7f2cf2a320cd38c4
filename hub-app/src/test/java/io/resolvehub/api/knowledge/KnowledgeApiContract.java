package io.resolvehub.api.knowledge;

import io.resolvehub.api.ApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The knowledge API (SPEC §3: sources, ask, voice) against the whole hub with Lucene and MiniLM, run on each database
 * (see the subclasses). Each test works in its own tenant unless it reads the bundled help center of {@code default}.
 */
abstract class KnowledgeApiContract {

    @LocalServerPort
    int port;

    ApiClient api;
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    private JsonNode body(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    private HttpResponse<String> upload(String tenant, String filename, String contentType, byte[] content) {
        String boundary = "----hub" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return api.send(api.request("/api/v1/tenants/" + tenant + "/sources")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build());
    }

    private JsonNode awaitSource(String tenant, String id) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            for (JsonNode s : body(api.get("/api/v1/tenants/" + tenant + "/sources"))) {
                if (s.get("id").asString().equals(id) && !s.get("status").asString().matches("pending|indexing")) {
                    found[0] = s;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    private void awaitDemoReady() {
        await().atMost(Duration.ofSeconds(90)).until(() -> {
            JsonNode sources = body(api.get("/api/v1/tenants/default/sources"));
            if (sources.isEmpty()) {
                return false;
            }
            for (JsonNode s : sources) {
                if (!s.get("status").asString().equals("ready")) {
                    return false;
                }
            }
            return true;
        });
    }

    @Test
    void answersFromTheBundledHelpCenterWithACitation() {
        awaitDemoReady();
        HttpResponse<String> response = api.postJson("/api/v1/tenants/default/ask", "{\"question\":\"how do I reset my password\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = body(response);
        assertThat(answer.get("decision").asString()).isEqualTo("answer");
        assertThat(answer.get("text").asString()).containsPattern("(?m)^1\\. .+\\n2\\. ");   // numbered steps, kept whole
        assertThat(answer.get("confidence").asDouble()).isBetween(0.5, 1.0);
        assertThat(answer.has("reason")).isFalse();
        JsonNode citation = answer.get("citations").get(0);
        assertThat(citation.get("title").asString()).isEqualTo("Reset your password");
        assertThat(citation.get("url").asString()).startsWith("https://");
        assertThat(citation.get("sourceId").asString()).startsWith("src_");
        assertThat(citation.get("snippet").asString()).isNotBlank();
    }

    @Test
    void aFollowUpUsesTheHistoryAndAnUnknownTopicIsHandedOffWithAReason() {
        awaitDemoReady();
        JsonNode followUp = body(api.postJson("/api/v1/tenants/default/ask", """
                {"question":"and what if I didn't get the email?","history":[
                  {"role":"user","text":"how do I reset my password"},{"role":"assistant","text":"Click Forgot password?"}]}"""));
        assertThat(followUp.get("decision").asString()).isEqualTo("answer");
        assertThat(followUp.get("text").asString()).containsIgnoringCase("spam");
        JsonNode unknown = body(api.postJson("/api/v1/tenants/default/ask",
                "{\"question\":\"what is the boiling point of tungsten in kelvin\"}"));
        assertThat(unknown.get("decision").asString()).isEqualTo("handoff");
        assertThat(unknown.get("reason").asString()).isIn("no_knowledge", "low_confidence");
        assertThat(unknown.get("citations")).isEmpty();
    }

    @Test
    void uploadsAMarkdownFileIndexesItAndDeletesIt() {
        api.postJson("/api/v1/tenants", "{\"id\":\"upload-co\",\"name\":\"Upload Co\"}");
        HttpResponse<String> created = upload("upload-co", "returns.md", "text/markdown",
                "# Returns\n\n## Send an item back\n\n1. Open Orders.\n2. Click Return item.\n3. Print the label.\n".getBytes(StandardCharsets.UTF_8));
        assertThat(created.statusCode()).isEqualTo(202);
        String id = body(created).get("id").asString();
        assertThat(body(created).get("status").asString()).isEqualTo("pending");

        JsonNode ready = awaitSource("upload-co", id);
        assertThat(ready.get("status").asString()).isEqualTo("ready");
        assertThat(ready.get("type").asString()).isEqualTo("file");
        assertThat(ready.get("title").asString()).isEqualTo("Returns");
        assertThat(ready.get("chunks").asInt()).isPositive();
        assertThat(ready.has("error")).isFalse();

        JsonNode answer = body(api.postJson("/api/v1/tenants/upload-co/ask", "{\"question\":\"how do I return an item\"}"));
        assertThat(answer.get("text").asString()).contains("1. Open Orders.\n2. Click Return item.\n3. Print the label.");

        assertThat(api.send(api.request("/api/v1/tenants/upload-co/sources/" + id).DELETE().build()).statusCode()).isEqualTo(204);
        assertThat(body(api.get("/api/v1/tenants/upload-co/sources"))).isEmpty();
        JsonNode after = body(api.postJson("/api/v1/tenants/upload-co/ask", "{\"question\":\"how do I return an item\"}"));
        assertThat(after.get("decision").asString()).isEqualTo("handoff");
        assertThat(after.get("reason").asString()).isEqualTo("no_knowledge");
    }

    @Test
    void refusesAnUnsupportedFileTypeWith415AndAHelpfulDetail() {
        HttpResponse<String> response = upload("default", "contract.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", new byte[]{1, 2, 3});
        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(body(response).get("detail").asString()).contains("contract.docx").contains("PDF (.pdf), Markdown");
    }

    @Test
    void aBinaryNamedMarkdownIsAcceptedThenFailsWithAReadableError() {
        // Its own tenant: a failed source in 'default' would keep awaitDemoReady (all sources ready) waiting.
        api.postJson("/api/v1/tenants", "{\"id\":\"binary-co\"}");
        HttpResponse<String> created = upload("binary-co", "notes.md", "text/markdown", new byte[]{0x50, 0x4b, 3, 4, 0, 0, (byte) 0xff});
        assertThat(created.statusCode()).isEqualTo(202);
        JsonNode failed = awaitSource("binary-co", body(created).get("id").asString());
        assertThat(failed.get("status").asString()).isEqualTo("failed");
        assertThat(failed.get("error").asString()).contains("binary data");
    }

    @Test
    void addsPastedTextAndRefusesBadJsonSourcesWithoutStoringAnything() {
        api.postJson("/api/v1/tenants", "{\"id\":\"text-co\"}");
        HttpResponse<String> created = api.postJson("/api/v1/tenants/text-co/sources",
                "{\"type\":\"text\",\"title\":\"Shipping\",\"text\":\"Orders ship within two business days.\"}");
        assertThat(created.statusCode()).isEqualTo(202);
        assertThat(awaitSource("text-co", body(created).get("id").asString()).get("status").asString()).isEqualTo("ready");

        assertThat(api.postJson("/api/v1/tenants/text-co/sources", "{\"type\":\"text\",\"text\":\"  \"}").statusCode()).isEqualTo(400);
        assertThat(api.postJson("/api/v1/tenants/text-co/sources", "{\"type\":\"fax\"}").statusCode()).isEqualTo(400);
        HttpResponse<String> badUrl = api.postJson("/api/v1/tenants/text-co/sources", "{\"type\":\"url\",\"url\":\"not a url\"}");
        assertThat(badUrl.statusCode()).isEqualTo(400);
        assertThat(body(badUrl).get("detail").asString()).contains("url");
        assertThat(body(api.get("/api/v1/tenants/text-co/sources"))).hasSize(1);
        assertThat(api.postJson("/api/v1/tenants/nobody/sources", "{\"type\":\"text\",\"text\":\"x\"}").statusCode()).isEqualTo(404);
    }

    @Test
    void resyncAndDeleteOfAnUnknownSourceAnswer404() {
        assertThat(api.postJson("/api/v1/tenants/default/sources/src_nope/resync", "").statusCode()).isEqualTo(404);
        assertThat(api.send(api.request("/api/v1/tenants/default/sources/src_nope").DELETE().build()).statusCode()).isEqualTo(404);
    }

    @Test
    void validatesAskRequests() {
        assertThat(api.postJson("/api/v1/tenants/default/ask", "{\"question\":\"  \"}").statusCode()).isEqualTo(400);
        HttpResponse<String> badRole = api.postJson("/api/v1/tenants/default/ask",
                "{\"question\":\"hi\",\"history\":[{\"role\":\"system\",\"text\":\"x\"}]}");
        assertThat(badRole.statusCode()).isEqualTo(400);
        assertThat(body(badRole).get("detail").asString()).contains("history[0]");
        assertThat(api.postJson("/api/v1/tenants/nobody/ask", "{\"question\":\"hi\"}").statusCode()).isEqualTo(404);
    }

    @Test
    void storesTheVoiceAndFramesAnswersWithIt() {
        api.postJson("/api/v1/tenants", "{\"id\":\"voice-co\"}");
        JsonNode defaults = body(api.get("/api/v1/tenants/voice-co/voice"));
        assertThat(defaults.get("assistantName").asString()).isEqualTo("Assistant");
        HttpResponse<String> put = api.putJson("/api/v1/tenants/voice-co/voice",
                "{\"assistantName\":\"Vee\",\"tone\":\"warm\",\"greeting\":\"Hello from Voice Co!\",\"signOff\":\"Cheers, Vee\"}");
        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(body(api.get("/api/v1/tenants/voice-co/voice")).get("signOff").asString()).isEqualTo("Cheers, Vee");
        assertThat(api.putJson("/api/v1/tenants/voice-co/voice", "{\"assistantName\":\"\",\"tone\":\"warm\"}").statusCode()).isEqualTo(400);
        assertThat(body(api.get("/api/v1/tenants/voice-co/voice")).get("assistantName").asString()).isEqualTo("Vee");

        String id = body(api.postJson("/api/v1/tenants/voice-co/sources",
                "{\"type\":\"text\",\"title\":\"Shipping\",\"text\":\"Orders ship within two business days of payment.\"}")).get("id").asString();
        awaitSource("voice-co", id);
        JsonNode answer = body(api.postJson("/api/v1/tenants/voice-co/ask", "{\"question\":\"when do orders ship after payment\"}"));
        assertThat(answer.get("decision").asString()).isEqualTo("answer");
        assertThat(answer.get("text").asString()).startsWith("Hello from Voice Co!").endsWith("Cheers, Vee");
    }
}
