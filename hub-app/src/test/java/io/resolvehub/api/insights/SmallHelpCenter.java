package io.resolvehub.api.insights;

import io.resolvehub.api.ApiClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A small help center (passwords, PDF export, account security) in its own tenant, and customers asking about three
 * things over the REST web channel: resetting a password and exporting to PDF, which the articles cover, and rotating
 * an API key, which they do not.
 */
final class SmallHelpCenter {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static final List<String> PASSWORD_QUESTIONS = List.of(
            "How do I reset my password?",
            "I forgot my password, how can I reset it?",
            "How can I change my password?",
            "Where do I reset a forgotten password?",
            "I can't remember my password",
            "reset password",
            "How do I set a new password for my account?",
            "My password doesn't work, how do I reset it?",
            "Can I change my account password?",
            "forgot password what do I do",
            "How to reset the password of my account",
            "I need to reset my password",
            "Lost my password, how do I get a new one?");

    static final List<String> PDF_QUESTIONS = List.of(
            "How do I export a note as a PDF?",
            "Can I export my notes to PDF?",
            "How can I save a note as a PDF file?",
            "export to pdf",
            "Is there a way to download a note as PDF?",
            "How do I turn a note into a PDF?",
            "Can I export a notebook as PDF?",
            "PDF export of my notes",
            "How to export notes as PDF documents",
            "I want to save my notes as PDF",
            "Where is the export to PDF option?",
            "How do I print a note to PDF?",
            "Export a note to a PDF file");

    static final List<String> API_KEY_QUESTIONS = List.of(
            "How do I rotate my API key?",
            "How can I rotate an API key?",
            "Where do I regenerate my API key?",
            "rotate api key",
            "How do I create a new API key and revoke the old one?",
            "My API key leaked, how do I rotate it?",
            "How often should I rotate API keys and how?",
            "How to replace my API key with a new one",
            "Can I regenerate the API key for my account?",
            "API key rotation");

    private final ApiClient api;
    private final String tenant;

    SmallHelpCenter(ApiClient api, String tenant) {
        this.api = api;
        this.tenant = tenant;
    }

    String base() {
        return "/api/v1/tenants/" + tenant;
    }

    /** Creates the tenant with its three articles, coins, and a policy that hands off low confidence at once. */
    void open() {
        assertThat(api.postJson("/api/v1/tenants", "{\"id\":\"" + tenant + "\",\"name\":\"Acme\"}").statusCode()).isEqualTo(201);
        addArticle("Reset your password", """
                # Reset your password
                If you forgot your password, open the sign-in page and choose "Forgot password". Enter the email address \
                of your account and we send you a reset link. The link is valid for one hour. Open it and choose a new \
                password of at least 12 characters. To change a password you still know, open Settings, then Account, \
                then Change password.
                """);
        addArticle("Export notes to PDF", """
                # Export notes to PDF
                To export a note as a PDF file, open the note, choose the Share menu and pick "Export as PDF". To export a \
                whole notebook, right-click the notebook and choose "Export notebook as PDF". Exported PDF files keep \
                images, headings and checklists. You can also print a note to PDF from the print dialog.
                """);
        addArticle("Account security", """
                # Account security
                Turn on two-factor authentication in Settings, then Security. Use an authenticator app to scan the QR \
                code. If you lose your phone, use one of your recovery codes to sign in. Review the devices signed in to \
                your account and sign out the ones you do not recognise.
                """);
        await().atMost(Duration.ofMinutes(2)).until(() -> {
            String sources = api.get(base() + "/sources").body();
            return sources.contains("Account security") && !sources.matches("(?s).*\"(pending|indexing)\".*");
        });
        assertThat(api.postJson(base() + "/topups", "{\"coins\":1000,\"reference\":\"insights-test\"}").statusCode())
                .isEqualTo(200);
        assertThat(api.putJson(base() + "/handoff-policy", "{\"confidenceThreshold\":0.5,\"maxAiTurns\":3,"
                + "\"humanPhrases\":[\"talk to a human\"],\"clarifyFirst\":false}").statusCode()).isEqualTo(200);
    }

    void addArticle(String title, String text) {
        HttpResponse<String> added = api.postJson(base() + "/sources",
                JSON.writeValueAsString(Map.of("type", "text", "title", title, "text", text)));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(202);
    }

    /** One web conversation per question; each is confirmed resolved when the agent answered it. Returns the replies. */
    List<JsonNode> ask(List<String> questions) {
        List<JsonNode> replies = new ArrayList<>();
        for (String question : questions) {
            HttpResponse<String> created = api.postJson(base() + "/conversations", "{\"user\":\"customer\"}");
            assertThat(created.statusCode()).isEqualTo(201);
            String id = JSON.readTree(created.body()).get("id").stringValue();
            HttpResponse<String> said = api.postJson(base() + "/conversations/" + id + "/messages",
                    JSON.writeValueAsString(Map.of("text", question)));
            assertThat(said.statusCode()).as(said.body()).isEqualTo(200);
            JsonNode reply = JSON.readTree(said.body()).get("reply");
            replies.add(reply);
            if ("answer".equals(reply.get("decision").stringValue())) {
                assertThat(api.postJson(base() + "/conversations/" + id + "/feedback", "{\"resolved\":true}")
                        .statusCode()).isBetween(200, 204);
            }
        }
        return replies;
    }

    JsonNode insights(String query) {
        HttpResponse<String> response = api.get(base() + "/insights" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
