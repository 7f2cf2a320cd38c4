package io.resolvehub.api.knowledge;

import io.resolvehub.agent.KnowledgeBase;
import io.resolvehub.api.ApiClient;
import io.resolvehub.core.TenantId;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The knowledge API (sources, ask, voice) against the whole hub with Lucene and MiniLM, run on each database
 * (see the subclasses). Each test works in its own tenant unless it reads the bundled help center of {@code default}.
 */
abstract class KnowledgeApiContract {

    @LocalServerPort
    int port;

    /** Only to count what the search index holds, next to the {@code chunks} the API reports. */
    @Autowired
    KnowledgeBase knowledge;

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
        return multipart(tenant, "file", filename, contentType, content);
    }

    private HttpResponse<String> multipart(String tenant, String field, String filename, String contentType, byte[] content) {
        String boundary = "----hub" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + filename
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

    private void createTenant(String tenant) {
        assertThat(api.postJson("/api/v1/tenants", "{\"id\":\"" + tenant + "\"}").statusCode()).isEqualTo(201);
    }

    private String uploadReady(String tenant, String filename, String markdown) {
        HttpResponse<String> created = upload(tenant, filename, "text/markdown", markdown.getBytes(StandardCharsets.UTF_8));
        assertThat(created.statusCode()).isEqualTo(202);
        String id = body(created).get("id").asString();
        assertThat(awaitSource(tenant, id).get("status").asString()).isEqualTo("ready");
        return id;
    }

    private String addTextReady(String tenant, String title, String text) {
        HttpResponse<String> created = api.postJson("/api/v1/tenants/" + tenant + "/sources",
                json.writeValueAsString(Map.of("type", "text", "title", title, "text", text)));
        assertThat(created.statusCode()).isEqualTo(202);
        String id = body(created).get("id").asString();
        assertThat(awaitSource(tenant, id).get("status").asString()).isEqualTo("ready");
        return id;
    }

    private JsonNode source(String tenant, String id) {
        for (JsonNode s : body(api.get("/api/v1/tenants/" + tenant + "/sources"))) {
            if (s.get("id").asString().equals(id)) {
                return s;
            }
        }
        throw new AssertionError("tenant " + tenant + " lists no source " + id);
    }

    private long indexedChunks(String tenant) {
        return knowledge.chunkCount(new TenantId(tenant));
    }

    private JsonNode ask(String tenant, String question) {
        HttpResponse<String> response = api.postJson("/api/v1/tenants/" + tenant + "/ask",
                json.writeValueAsString(Map.of("question", question)));
        assertThat(response.statusCode()).isEqualTo(200);
        return body(response);
    }

    private static List<String> citedSources(JsonNode answer) {
        List<String> ids = new ArrayList<>();
        answer.get("citations").forEach(c -> ids.add(c.get("sourceId").asString()));
        return ids;
    }

    private HttpResponse<String> delete(String tenant, String id) {
        return api.send(api.request("/api/v1/tenants/" + tenant + "/sources/" + id).DELETE().build());
    }

    /** A 4xx answered as RFC 9457 problem+json whose {@code detail} says what to do. */
    private void assertProblem(HttpResponse<String> response, int status, String... detailMentions) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = body(response);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asString()).isNotBlank().contains(detailMentions);
    }

    /** A valid PDF of {@code pages} empty pages (over hub.agent.max-pdf-pages, 2000 by default, it must be refused). */
    private static byte[] blankPdf(int pages) {
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 0; i < pages; i++) {
                pdf.addPage(new PDPage());
            }
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final String BILLING_MD = """
            # Billing

            ## Change your plan

            1. Open Settings > Billing.
            2. Click Change plan.
            3. Pick the new plan and click Confirm.

            ## Update your card

            Open Settings > Billing > Payment method and click Replace card. The new card is charged from the next invoice.

            ## Download an invoice

            Every invoice is under Settings > Billing > Invoices. Click Download PDF next to the month you need.
            """;

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
        assertThat(unknown.get("decision").asString()).isIn("handoff", "clarify");
    }

    @Test
    void askIsTheDryRunOfAFirstTurnUnderTheTenantsHandoffPolicy() {
        awaitDemoReady();
        JsonNode person = body(api.postJson("/api/v1/tenants/default/ask",
                "{\"question\":\"can a support rep call me back?\"}"));
        assertThat(person.get("decision").asString()).isEqualTo("handoff");
        assertThat(person.get("reason").asString()).isEqualTo("user_request");
        JsonNode addPerson = body(api.postJson("/api/v1/tenants/default/ask",
                "{\"question\":\"how do I add a person to my workspace\"}"));
        assertThat(addPerson.path("reason").asString("")).isNotEqualTo("user_request");
        String policy = api.get("/api/v1/tenants/default/handoff-policy").body();
        api.putJson("/api/v1/tenants/default/handoff-policy",
                "{\"confidenceThreshold\":0.5,\"maxAiTurns\":3,\"humanPhrases\":[\"human\"],\"clarifyFirst\":false}");
        try {
            JsonNode unknown = body(api.postJson("/api/v1/tenants/default/ask",
                    "{\"question\":\"what is the boiling point of tungsten in kelvin\"}"));
            assertThat(unknown.get("decision").asString()).isEqualTo("handoff");
            assertThat(unknown.get("reason").asString()).isIn("no_knowledge", "low_confidence");
            assertThat(unknown.get("citations")).isEmpty();
            assertThat(unknown.get("text").asString()).doesNotContain("{ticket}");
        } finally {
            api.putJson("/api/v1/tenants/default/handoff-policy", policy);
        }
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

    @Test
    void anUploadGoesFromPendingThroughIndexingToReadyAndReportsTheChunksTheIndexHolds() {
        createTenant("lifecycle-co");
        HttpResponse<String> created = upload("lifecycle-co", "billing.md", "text/markdown", BILLING_MD.getBytes(StandardCharsets.UTF_8));
        assertThat(created.statusCode()).isEqualTo(202);
        String id = body(created).get("id").asString();
        assertThat(body(created).get("status").asString()).isEqualTo("pending");

        // Every status GET shows on the way, in order; until it is ready the source reports no chunks.
        List<String> seen = new ArrayList<>(List.of("pending"));
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode s = source("lifecycle-co", id);
            String status = s.get("status").asString();
            if (!status.equals(seen.getLast())) {
                seen.add(status);
            }
            if (!status.equals("ready")) {
                assertThat(s.get("chunks").asInt()).as("chunks while " + status).isZero();
            }
            return !status.matches("pending|indexing");
        });
        assertThat(List.of("pending", "indexing", "ready")).containsSubsequence(seen);
        assertThat(seen).endsWith("ready");

        JsonNode ready = source("lifecycle-co", id);
        assertThat(ready.get("type").asString()).isEqualTo("file");
        assertThat(ready.get("title").asString()).isEqualTo("Billing");
        assertThat(ready.has("error")).isFalse();
        assertThat(ready.get("chunks").asInt()).as("three sections, three chunks at least").isGreaterThanOrEqualTo(3);
        assertThat(indexedChunks("lifecycle-co")).as("chunks in the index").isEqualTo(ready.get("chunks").asInt());
        assertThat(citedSources(ask("lifecycle-co", "where can I download an invoice"))).contains(id);
    }

    @Test
    void badUploadsEndFailedWithAReadableErrorWhileTheOtherSourcesStayReadyAndAnswer() {
        createTenant("mixed-co");
        String good = uploadReady("mixed-co", "billing.md", BILLING_MD);
        int goodChunks = source("mixed-co", good).get("chunks").asInt();

        String binary = body(upload("mixed-co", "notes.md", "text/markdown", new byte[]{0x50, 0x4b, 3, 4, 0, 0, (byte) 0xff})).get("id").asString();
        String corruptPdf = body(upload("mixed-co", "manual.pdf", "application/pdf",
                "%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R >>\nthis is not the rest of a PDF".getBytes(StandardCharsets.US_ASCII))).get("id").asString();
        String notAPdf = body(upload("mixed-co", "scan.pdf", "application/pdf", "just some text".getBytes(StandardCharsets.UTF_8))).get("id").asString();
        String blank = body(upload("mixed-co", "blank.txt", "text/plain", " \n\t\n ".getBytes(StandardCharsets.UTF_8))).get("id").asString();
        String tooLong = body(upload("mixed-co", "handbook.pdf", "application/pdf", blankPdf(2001))).get("id").asString();

        assertThat(awaitSource("mixed-co", binary).get("error").asString()).contains("notes.md").contains("binary data");
        assertThat(awaitSource("mixed-co", corruptPdf).get("error").asString()).contains("PDF is damaged");
        assertThat(awaitSource("mixed-co", notAPdf).get("error").asString()).contains("scan.pdf").contains("not one");
        assertThat(awaitSource("mixed-co", blank).get("error").asString()).contains("blank.txt").contains("no text");
        assertThat(awaitSource("mixed-co", tooLong).get("error").asString()).contains("2001 pages").contains("split it");
        for (String failed : List.of(binary, corruptPdf, notAPdf, blank, tooLong)) {
            JsonNode s = source("mixed-co", failed);
            assertThat(s.get("status").asString()).isEqualTo("failed");
            assertThat(s.get("chunks").asInt()).isZero();
        }

        JsonNode stillGood = source("mixed-co", good);
        assertThat(stillGood.get("status").asString()).isEqualTo("ready");
        assertThat(stillGood.get("chunks").asInt()).isEqualTo(goodChunks);
        assertThat(indexedChunks("mixed-co")).as("chunks in the index").isEqualTo(goodChunks);
        JsonNode answer = ask("mixed-co", "how do I change my plan");
        assertThat(answer.get("decision").asString()).isEqualTo("answer");
        assertThat(answer.get("text").asString()).contains("2. Click Change plan.");
        assertThat(citedSources(answer)).containsOnly(good);
    }

    @Test
    void deletingASourceTakesItsChunksOutOfTheIndexSoAnswersStopCitingIt() {
        createTenant("delete-co");
        String returns = uploadReady("delete-co", "returns.md",
                "# Returns\n\n## Send an item back\n\n1. Open Orders.\n2. Click Return item.\n3. Print the label.\n");
        String shipping = addTextReady("delete-co", "Shipping", "Orders ship within two business days of payment.");
        int shippingChunks = source("delete-co", shipping).get("chunks").asInt();
        assertThat(citedSources(ask("delete-co", "how do I return an item"))).contains(returns);

        assertThat(delete("delete-co", returns).statusCode()).isEqualTo(204);

        JsonNode sources = body(api.get("/api/v1/tenants/delete-co/sources"));
        assertThat(sources).hasSize(1);
        assertThat(sources.get(0).get("id").asString()).isEqualTo(shipping);
        assertThat(indexedChunks("delete-co")).as("chunks left in the index").isEqualTo(shippingChunks);
        assertThat(citedSources(ask("delete-co", "how do I return an item"))).doesNotContain(returns);
        JsonNode shippingAnswer = ask("delete-co", "when do orders ship after payment");
        assertThat(shippingAnswer.get("decision").asString()).isEqualTo("answer");
        assertThat(citedSources(shippingAnswer)).contains(shipping);
        assertProblem(delete("delete-co", returns), 404, returns);
    }

    @Test
    void aResyncOfAnUnchangedUploadKeepsItsChunksWithoutDuplicatingThem() {
        createTenant("resync-co");
        String id = uploadReady("resync-co", "billing.md", BILLING_MD);
        int chunks = source("resync-co", id).get("chunks").asInt();

        HttpResponse<String> resync = api.postJson("/api/v1/tenants/resync-co/sources/" + id + "/resync", "");
        assertThat(resync.statusCode()).isEqualTo(202);
        assertThat(body(resync).get("id").asString()).isEqualTo(id);
        assertThat(body(resync).get("status").asString()).isEqualTo("pending");

        JsonNode again = awaitSource("resync-co", id);
        assertThat(again.get("status").asString()).isEqualTo("ready");
        assertThat(again.get("chunks").asInt()).isEqualTo(chunks);
        assertThat(again.get("title").asString()).isEqualTo("Billing");
        assertThat(again.has("error")).isFalse();
        assertThat(indexedChunks("resync-co")).as("chunks in the index after the resync").isEqualTo(chunks);
        assertThat(citedSources(ask("resync-co", "where can I download an invoice"))).containsOnly(id);
    }

    @Test
    void anotherTenantsSourceIdAnswers404AndTheSourceIsUntouched() {
        createTenant("owner-co");
        createTenant("stranger-co");
        String id = addTextReady("owner-co", "Shipping", "Orders ship within two business days of payment.");
        long chunks = indexedChunks("owner-co");

        assertProblem(delete("stranger-co", id), 404, id, "GET /api/v1/tenants/stranger-co/sources");
        assertProblem(api.postJson("/api/v1/tenants/stranger-co/sources/" + id + "/resync", ""), 404, id);

        assertThat(source("owner-co", id).get("status").asString()).isEqualTo("ready");
        assertThat(indexedChunks("owner-co")).isEqualTo(chunks);
        assertThat(citedSources(ask("owner-co", "when do orders ship after payment"))).contains(id);
    }

    @Test
    void badSourceRequestsAnswer4xxProblemsWithAnActionableDetailAndChangeNothing() {
        createTenant("strict-co");
        addTextReady("strict-co", "Shipping", "Orders ship within two business days of payment.");
        String before = api.get("/api/v1/tenants/strict-co/sources").body();
        long chunks = indexedChunks("strict-co");
        String sources = "/api/v1/tenants/strict-co/sources";

        assertProblem(multipart("strict-co", "document", "guide.md", "text/markdown", "# Guide\n\nText.".getBytes(StandardCharsets.UTF_8)),
                400, "multipart form field 'file'", "PDF (.pdf)");
        assertProblem(api.send(api.request(sources).header("Content-Type", "multipart/form-data; boundary=xyz")
                .POST(HttpRequest.BodyPublishers.ofString("a body without a single part")).build()), 400, "multipart form field 'file'");
        assertProblem(multipart("strict-co", "file", "", "application/octet-stream", new byte[0]), 400,
                "multipart form field 'file'");   // a form submitted without choosing a file
        assertProblem(upload("strict-co", "empty.md", "text/markdown", new byte[0]), 400, "empty.md", "empty");
        assertProblem(upload("strict-co", "setup.exe", "application/octet-stream", new byte[]{0x4d, 0x5a}), 415,
                "setup.exe", "PDF (.pdf)");
        assertProblem(api.send(api.request(sources).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("Orders ship fast.")).build()), 415, "multipart/form-data", "application/json");
        assertProblem(api.postJson(sources, "{\"type\":\"url\"}"), 400, "'url' is required");
        assertProblem(api.postJson(sources, "{\"type\":\"sitemap\",\"url\":\"ftp://files.example.com/\"}"), 400, "http(s)");
        assertProblem(api.postJson(sources, "{\"type\":\"text\",\"title\":\"" + "t".repeat(501) + "\",\"text\":\"x\"}"), 400, "'title'", "500");
        assertProblem(api.postJson(sources, "{\"type\":\"text\",\"text\":"), 400, "not valid JSON");
        assertProblem(api.postJson(sources, "{}"), 400, "'type' is required");
        assertProblem(upload("nobody", "guide.md", "text/markdown", "# Guide".getBytes(StandardCharsets.UTF_8)), 404, "nobody");
        assertProblem(api.get("/api/v1/tenants/nobody/sources"), 404, "nobody");

        assertThat(api.get("/api/v1/tenants/strict-co/sources").body()).as("sources after the refused calls").isEqualTo(before);
        assertThat(indexedChunks("strict-co")).isEqualTo(chunks);
    }

    @Test
    void aUrlSourceIsFetchedAndEachResyncFetchesItAgainKeepingUnchangedChunksAndReplacingChangedOnes() {
        createTenant("web-co");
        try (HelpSite site = new HelpSite()) {
            String page = site.url("/help/refunds");
            site.html("/help/refunds", "Refunds", "<p>Refunds are paid back to your card within five business days.</p>");
            HttpResponse<String> created = api.postJson("/api/v1/tenants/web-co/sources", "{\"type\":\"url\",\"url\":\"" + page + "\"}");
            assertThat(created.statusCode()).isEqualTo(202);
            String id = body(created).get("id").asString();
            JsonNode ready = awaitSource("web-co", id);
            assertThat(ready.get("status").asString()).isEqualTo("ready");
            assertThat(ready.get("type").asString()).isEqualTo("url");
            assertThat(ready.get("title").asString()).isEqualTo("Refunds");
            int chunks = ready.get("chunks").asInt();
            assertThat(chunks).isPositive();
            assertThat(indexedChunks("web-co")).isEqualTo(chunks);
            JsonNode answer = ask("web-co", "how long do refunds take");
            assertThat(answer.get("text").asString()).contains("five business days");
            assertThat(answer.get("citations").get(0).get("url").asString()).isEqualTo(page);

            // Unchanged: the site answers the conditional request 304 and the chunks stay as they were.
            assertThat(api.postJson("/api/v1/tenants/web-co/sources/" + id + "/resync", "").statusCode()).isEqualTo(202);
            JsonNode unchanged = awaitSource("web-co", id);
            assertThat(unchanged.get("status").asString()).isEqualTo("ready");
            assertThat(unchanged.get("chunks").asInt()).isEqualTo(chunks);
            assertThat(site.notModified()).isEqualTo(1);
            assertThat(indexedChunks("web-co")).isEqualTo(chunks);

            // Changed: the new text replaces the old one in the index.
            site.html("/help/refunds", "Refunds", "<p>Refunds are paid back to your card within ten business days.</p>"
                    + "<h2>Store credit</h2><p>Store credit is added to your account the same day.</p>");
            assertThat(api.postJson("/api/v1/tenants/web-co/sources/" + id + "/resync", "").statusCode()).isEqualTo(202);
            JsonNode changed = awaitSource("web-co", id);
            assertThat(changed.get("status").asString()).isEqualTo("ready");
            assertThat(indexedChunks("web-co")).isEqualTo(changed.get("chunks").asInt());
            String refunds = ask("web-co", "how long do refunds take").get("text").asString();
            assertThat(refunds).contains("ten business days").doesNotContain("five business days");

            // Gone: the resync fails with the reason.
            site.remove("/help/refunds");
            assertThat(api.postJson("/api/v1/tenants/web-co/sources/" + id + "/resync", "").statusCode()).isEqualTo(202);
            JsonNode gone = awaitSource("web-co", id);
            assertThat(gone.get("status").asString()).isEqualTo("failed");
            assertThat(gone.get("error").asString()).contains(page).contains("HTTP 404");
        }
    }

    @Test
    void aSitemapSourceIndexesEveryListedPageAndCitesThePageThatAnswers() {
        createTenant("sitemap-co");
        try (HelpSite site = new HelpSite()) {
            site.html("/a/invoices", "Invoices", "<p>Every invoice is under Settings &gt; Billing &gt; Invoices.</p>");
            site.html("/a/two-factor", "Turn on two-factor sign-in", "<ol><li>Open Settings &gt; Security.</li>"
                    + "<li>Click Turn on two-factor.</li><li>Scan the QR code with your authenticator app.</li></ol>");
            site.sitemap("/sitemap.xml", "/a/invoices", "/a/two-factor");
            HttpResponse<String> created = api.postJson("/api/v1/tenants/sitemap-co/sources",
                    "{\"type\":\"sitemap\",\"url\":\"" + site.url("/sitemap.xml") + "\"}");
            assertThat(created.statusCode()).isEqualTo(202);
            JsonNode ready = awaitSource("sitemap-co", body(created).get("id").asString());
            assertThat(ready.get("status").asString()).isEqualTo("ready");
            assertThat(ready.get("type").asString()).isEqualTo("sitemap");
            assertThat(ready.get("chunks").asInt()).as("one chunk per page at least").isGreaterThanOrEqualTo(2);
            assertThat(indexedChunks("sitemap-co")).isEqualTo(ready.get("chunks").asInt());

            JsonNode twoFactor = ask("sitemap-co", "how do I turn on two-factor sign-in");
            assertThat(twoFactor.get("text").asString()).contains("2. Click Turn on two-factor.");
            assertThat(twoFactor.get("citations").get(0).get("url").asString()).isEqualTo(site.url("/a/two-factor"));
            JsonNode invoices = ask("sitemap-co", "where do I find my invoices");
            assertThat(invoices.get("citations").get(0).get("url").asString()).isEqualTo(site.url("/a/invoices"));
        }
    }

    private static String guideArticles(String exportBody, String exportUpdatedAt) {
        return """
                {"articles":[
                  {"id":360001001,"html_url":"{{base}}/hc/en-us/articles/360001001-Turn-on-two-factor-sign-in","draft":false,
                   "locale":"en-us","title":"Turn on two-factor sign-in","updated_at":"2026-10-01T08:00:00Z",
                   "body":"<ol><li>Open Settings &gt; Security.</li><li>Click Turn on two-factor.</li><li>Scan the QR code with your authenticator app.</li></ol>"},
                  {"id":360001002,"html_url":"{{base}}/hc/en-us/articles/360001002-Export-your-notes","draft":false,
                   "locale":"en-us","title":"Export your notes","updated_at":"%s","body":"<p>%s</p>"},
                  {"id":360001003,"html_url":"{{base}}/hc/en-us/articles/360001003-Offline-mode","draft":true,
                   "locale":"en-us","title":"Offline mode","updated_at":"2026-10-20T16:00:00Z","body":"<p>Offline mode is coming.</p>"}],
                 "page":1,"previous_page":null,"next_page":null,"per_page":100,"page_count":1,"count":3}
                """.formatted(exportUpdatedAt, exportBody);
    }

    @Test
    void aZendeskGuideHelpCenterIsListedWithItsTypeAnswersCiteItsArticlesAndAResyncPicksUpAnEdit() {
        createTenant("guide-co");
        String sources = "/api/v1/tenants/guide-co/sources";
        assertProblem(api.postJson(sources, "{\"type\":\"zendesk_guide\"}"), 400, "'url' is required", "https://acme.zendesk.com");
        assertProblem(api.postJson(sources, "{\"type\":\"zendesk_guide\",\"url\":\"acme.zendesk.com\"}"), 400, "http(s)");
        assertThat(body(api.get(sources))).as("nothing stored by the refused calls").isEmpty();
        try (HelpSite site = new HelpSite()) {
            site.json("/api/v2/help_center/en-us/articles.json",
                    guideArticles("Open File &gt; Export and pick Markdown or PDF.", "2026-08-30T07:45:00Z"));
            HttpResponse<String> created = api.postJson(sources,
                    "{\"type\":\"zendesk_guide\",\"url\":\"" + site.url("/hc/en-us") + "\"}");
            assertThat(created.statusCode()).isEqualTo(202);
            String id = body(created).get("id").asString();
            JsonNode ready = awaitSource("guide-co", id);
            assertThat(ready.get("status").asString()).isEqualTo("ready");
            assertThat(ready.get("type").asString()).isEqualTo("zendesk_guide");
            assertThat(ready.get("title").asString()).isEqualTo(site.url("/hc/en-us"));
            assertThat(indexedChunks("guide-co")).isEqualTo(ready.get("chunks").asInt());
            JsonNode twoFactor = ask("guide-co", "how do I turn on two-factor sign-in");
            assertThat(twoFactor.get("citations").get(0).get("url").asString())
                    .isEqualTo(site.url("/hc/en-us/articles/360001001-Turn-on-two-factor-sign-in"));

            site.json("/api/v2/help_center/en-us/articles.json",
                    guideArticles("Open File &gt; Export and pick Markdown, PDF or HTML.", "2026-11-20T09:00:00Z"));
            assertThat(api.postJson(sources + "/" + id + "/resync", "").statusCode()).isEqualTo(202);
            JsonNode resynced = awaitSource("guide-co", id);
            assertThat(resynced.get("status").asString()).isEqualTo("ready");
            JsonNode export = ask("guide-co", "how do I export my notes");
            assertThat(export.get("text").asString()).contains("Markdown, PDF or HTML");
            assertThat(export.get("citations").get(0).get("url").asString())
                    .isEqualTo(site.url("/hc/en-us/articles/360001002-Export-your-notes"));
        }
    }
}
