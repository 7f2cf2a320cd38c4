package io.resolvehub.api.insights;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.resolvehub.HubTestSupport;
import io.resolvehub.api.ApiClient;
import io.resolvehub.insights.Digests;
import io.resolvehub.process.FakeSlackWebApi;
import io.resolvehub.process.SlackEvents;
import io.resolvehub.security.AdminSignIn;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code GET /insights} over real HTTP on each database (see the subclasses): about forty web conversations on a small
 * help center, answered by the real agent, grouped into topics by meaning and named by their terms; the topic the
 * docs do not cover comes first among the gaps.
 */
abstract class InsightsApiContract {

    /** The tenant's Slack workspace, as the hub's Web API calls reach it. */
    static final FakeSlackWebApi SLACK = new FakeSlackWebApi();
    /** The bot's token endpoint and the Bot Connector, as the hub's Teams calls reach them. */
    static final FakeTeamsConnector TEAMS = new FakeTeamsConnector();
    static final String SLACK_SIGNING_SECRET = "insights-test-signing-secret";

    @LocalServerPort
    int port;

    /** A real SMTP server for email digests. */
    private static GreenMail smtp;

    @Autowired
    Digests digests;

    /** Slack and Teams are the fakes, mail goes to GreenMail; digests are checked for and retried every second. */
    static void settings(DynamicPropertyRegistry registry) {
        HubTestSupport.hubDefaults(registry);
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
        registry.add("hub.mail.from", () -> "ResolveHub <hub@acme.test>");
        registry.add("hub.slack.api-url", SLACK::url);
        registry.add("hub.slack.signing-secret", () -> SLACK_SIGNING_SECRET);
        registry.add("hub.teams.app-id", () -> "00000000-0000-0000-0000-000000000b07");
        registry.add("hub.teams.app-password", () -> "test-bot-secret");
        registry.add("hub.teams.token-url", TEAMS::tokenUrl);
        registry.add("hub.teams.service-url", TEAMS::serviceUrl);
        registry.add("hub.insights.digest-check-interval", () -> "PT1S");
        registry.add("hub.insights.digest-retry-delay", () -> "PT1S");
    }

    @Test
    void namesTheTopicsCustomersAskedAboutAndPutsTheUncoveredOneFirstAmongGaps() {
        SmallHelpCenter help = new SmallHelpCenter(new ApiClient(port), "acme");
        help.open();
        List<String> questions = new ArrayList<>();
        for (int i = 0; i < 13; i++) { // interleaved, as customers would ask
            questions.add(SmallHelpCenter.PASSWORD_QUESTIONS.get(i));
            questions.add(SmallHelpCenter.PDF_QUESTIONS.get(i));
            if (i < SmallHelpCenter.API_KEY_QUESTIONS.size()) {
                questions.add(SmallHelpCenter.API_KEY_QUESTIONS.get(i));
            }
        }
        help.ask(questions);

        JsonNode insights = help.insights("?days=7");

        assertThat(insights.get("from").stringValue()).isNotBlank();
        assertThat(insights.get("to").stringValue()).isNotBlank();
        JsonNode totals = insights.get("totals");
        assertThat(totals.get("conversations").longValue()).isEqualTo(36);
        assertThat(totals.get("resolved").longValue() + totals.get("handedOff").longValue()).isEqualTo(36);
        assertThat(totals.get("coinsSpent").longValue()).isEqualTo(totals.get("resolved").longValue());
        assertThat(totals.get("resolutionRate").doubleValue()).isBetween(0.5, 0.8);

        List<JsonNode> topics = list(insights.get("topics"));
        assertThat(topics.subList(0, 3)).extracting(t -> t.get("label").stringValue())
                .anySatisfy(label -> assertThat(label).contains("password"))
                .anySatisfy(label -> assertThat(label).contains("pdf"))
                .anySatisfy(label -> assertThat(label).contains("api"));
        assertThat(topics.subList(0, 3)).extracting(t -> t.get("count").intValue()).containsExactlyInAnyOrder(13, 13, 10);
        assertThat(topics).allSatisfy(topic -> {
            assertThat(topic.get("trend").stringValue()).isEqualTo("new");
            assertThat(topic.get("examples").size()).isBetween(1, 5);
            assertThat(topic.get("resolved").intValue() + topic.get("handedOff").intValue())
                    .isLessThanOrEqualTo(topic.get("count").intValue());
        });

        JsonNode firstGap = insights.get("gaps").get(0);
        assertThat(firstGap.get("label").stringValue()).contains("api");
        assertThat(firstGap.get("count").intValue()).isEqualTo(10);
        assertThat(firstGap.get("examples").size()).isEqualTo(5);
        assertThat(list(firstGap.get("examples"))).extracting(JsonNode::stringValue)
                .allSatisfy(example -> assertThat(SmallHelpCenter.API_KEY_QUESTIONS).contains(example));

        postsTheDigestToTheTenantsSlackChannelOnDemand(help);
        aRecheckAfterTheDocsCoverTheGapShowsItsQuestionsAnswered(help, firstGap.get("id").longValue());
        theInsightsPageShowsTopicsGapsAndTheDigest(help);
        theLowBalanceAlertAlsoGoesToTheDigestChannel(help);
    }

    /** Billing's low-balance alert reaches the team where the digest goes. */
    private void theLowBalanceAlertAlsoGoesToTheDigestChannel(SmallHelpCenter help) {
        ApiClient api = new ApiClient(port);
        assertThat(api.putJson(help.base() + "/pricing", "{\"baseCoins\":1,\"coinsPerExtraAnswer\":1,\"maxCoins\":5,"
                + "\"lowBalanceCoins\":100000}").statusCode()).isEqualTo(200);

        help.ask(List.of("How do I reset my password?")); // its hold finds the balance under the new alert level

        await().atMost(Duration.ofSeconds(30)).until(() -> digestPosts().stream()
                .anyMatch(post -> post.form().get("text").startsWith("Low balance:")));
    }

    /** The admin page's Insights page, as the tenant's admin sees it. */
    private void theInsightsPageShowsTopicsGapsAndTheDigest(SmallHelpCenter help) {
        ApiClient api = new ApiClient(port);
        assertThat(api.postJson(help.base() + "/users", "{\"username\":\"lead@acme.test\",\"password\":\"a-long-enough-password\"}")
                .statusCode()).isEqualTo(201);
        HttpClient http = HttpClient.newHttpClient();
        String session = AdminSignIn.signIn(http, port, "lead@acme.test", "a-long-enough-password");

        String html = AdminSignIn.send(http, HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/t/acme/insights"))
                .header("Cookie", session).GET().build()).body();

        assertThat(html).contains("password, reset").contains("pdf, note, export")
                .contains("could not get an answer about api, key, rotate").contains("Recheck this gap")
                .contains("Send the digest now").contains("C0DIGEST").contains(">sent<");
    }

    /** Gap closed? The article that was missing is added, and the gap's questions, asked again, are answered from it. */
    private void aRecheckAfterTheDocsCoverTheGapShowsItsQuestionsAnswered(SmallHelpCenter help, long gap) {
        ApiClient api = new ApiClient(port);
        help.addArticle("Rotate your API key", """
                # Rotate your API key
                To rotate an API key, open Settings, then Developer, then API keys, and choose "Rotate" next to the key. \
                Rotating creates a new API key and revokes the old key after 24 hours, so you can replace the key in your \
                integrations first. If your API key leaked, choose "Revoke now" to revoke the old key at once and \
                regenerate a new one. We recommend that you rotate API keys every 90 days.
                """);
        await().atMost(Duration.ofMinutes(2)).until(() -> {
            String sources = api.get(help.base() + "/sources").body();
            return sources.contains("Rotate your API key") && !sources.matches("(?s).*\"(pending|indexing)\".*");
        });
        long chargesBefore = charges(api, help);

        HttpResponse<String> response = api.postJson(help.base() + "/insights/gaps/" + gap + "/recheck", "");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<JsonNode> checks = list(SmallHelpCenter.JSON.readTree(response.body()).get("checks"));
        assertThat(checks).hasSize(10).allSatisfy(check -> {
            assertThat(check.at("/before/decision").stringValue()).isEqualTo("handoff");
            assertThat(check.at("/before/reason").stringValue()).isIn("no_knowledge", "low_confidence");
        });
        assertThat(checks).filteredOn(check -> "answer".equals(check.at("/after/decision").stringValue()))
                .hasSizeGreaterThanOrEqualTo(8)
                .allSatisfy(check -> {
                    assertThat(check.at("/after/sourceTitle").stringValue()).isEqualTo("Rotate your API key");
                    assertThat(check.at("/after/confidence").doubleValue())
                            .isGreaterThan(check.at("/before/confidence").doubleValue());
                });
        // a dry run: nothing billed, no conversation stored
        assertThat(charges(api, help)).isEqualTo(chargesBefore);
        assertThat(help.insights("?days=7").at("/totals/conversations").longValue()).isEqualTo(36);
        assertThat(api.postJson(help.base() + "/insights/gaps/999999/recheck", "").statusCode()).isEqualTo(404);
        assertThat(api.postJson(help.base() + "/insights/gaps/first/recheck", "").statusCode()).isEqualTo(400);
    }

    private static long charges(ApiClient api, SmallHelpCenter help) {
        return list(SmallHelpCenter.JSON.readTree(api.get(help.base() + "/ledger?limit=10000").body())).stream()
                .filter(entry -> "charge".equals(entry.get("type").stringValue())).count();
    }

    /** The acceptance check's end: the digest names the gap and the top topics in the tenant's Slack channel. */
    private void postsTheDigestToTheTenantsSlackChannelOnDemand(SmallHelpCenter help) {
        ApiClient api = new ApiClient(port);
        assertThat(api.putJson(help.base() + "/channels/slack", "{\"teamId\":\"T0HUBTEST\",\"botToken\":\"xoxb-acme\"}")
                .statusCode()).isEqualTo(200);
        HttpResponse<String> saved = api.putJson(help.base() + "/digest",
                "{\"schedule\":\"weekly\",\"channel\":\"slack\",\"target\":\"C0DIGEST\",\"timeZone\":\"Europe/Berlin\"}");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(SmallHelpCenter.JSON.readTree(api.get(help.base() + "/digest").body()).get("target").stringValue())
                .isEqualTo("C0DIGEST");

        int earlier = digestPosts().size(); // the fake is shared by the H2 and PostgreSQL runs in one JVM
        HttpResponse<String> sent = api.postJson(help.base() + "/digest/send", "");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(30)).until(() -> digestPosts().size() == earlier + 1);
        FakeSlackWebApi.Call post = digestPosts().getLast();
        String blocks = post.form().get("blocks");
        assertThat(blocks).contains("\"type\":\"header\"").contains("Weekly digest for Acme")
                .contains("Content gaps").contains("could not get an answer about api, key, rotate")
                .contains("Top topics").contains("password, reset").contains("pdf, note, export")
                .contains("Resolution rate");
        assertThat(post.form().get("text")).contains("Weekly digest for Acme");

        // each send posts; a refused post is retried, and the delivery shows how it went
        SLACK.failNext("chat.postMessage", 1);
        assertThat(api.postJson(help.base() + "/digest/send", "").statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> digestPosts().size() == earlier + 2);
        // the post is in Slack a moment before its delivery is marked sent
        await().atMost(Duration.ofSeconds(10)).until(() -> "sent".equals(SmallHelpCenter.JSON.readTree(
                api.get(help.base() + "/digest/deliveries").body()).get(0).get("status").stringValue()));
        JsonNode latest = SmallHelpCenter.JSON.readTree(api.get(help.base() + "/digest/deliveries").body()).get(0);
        assertThat(latest.get("attempts").intValue()).isEqualTo(2);
        assertThat(latest.get("lastError").isNull()).isTrue();
    }

    /**
     * Gaps, as the issue states them: five people ask what the docs do not cover and make a gap of five examples; once
     * an article covers it, the recheck on the admin page shows all five answered from it.
     */
    @Test
    void fivePeopleAskingWhatTheDocsDoNotCoverMakeAGapThatTheRecheckOnTheAdminPageShowsAnswered() {
        SmallHelpCenter help = new SmallHelpCenter(new ApiClient(port), "gapco");
        help.open();
        List<String> uncovered = List.of("How do I rotate my API key?", "How can I rotate an API key?",
                "My API key leaked, how do I rotate it?", "How do I create a new API key and revoke the old one?",
                "Where do I regenerate my API key?");
        List<String> questions = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            questions.add(SmallHelpCenter.PASSWORD_QUESTIONS.get(i));
            questions.add(uncovered.get(i));
            questions.add(SmallHelpCenter.PDF_QUESTIONS.get(i));
        }
        help.ask(questions);
        // one more customer asks about PDFs in Slack: topics gather the questions of every channel
        HttpResponse<String> slack = new ApiClient(port).putJson(help.base() + "/channels/slack?verify=false",
                "{\"teamId\":\"T0GAPCO\",\"botToken\":\"xoxb-gapco\"}");
        assertThat(slack.statusCode()).as(slack.body()).isEqualTo(200);
        String mention = SlackEvents.appMention("Ev0GAPCO1", "C0GAPQ", Instant.now().getEpochSecond() + ".000100",
                "How do I save a note as a PDF file?").replace("T0HUBTEST", "T0GAPCO");
        assertThat(AdminSignIn.send(HttpClient.newHttpClient(), SlackEvents.signed(URI.create("http://127.0.0.1:" + port
                + "/slack/events"), SLACK_SIGNING_SECRET, mention)).statusCode()).isEqualTo(200);
        // answered in Slack by the pipeline's workers; the question is kept in the same transaction as the answer
        await().atMost(Duration.ofSeconds(60)).until(() -> !postsTo("C0GAPQ").isEmpty()
                && help.insights("?days=7").at("/totals/conversations").intValue() == 16);

        JsonNode report = help.insights("?days=7");
        assertThat(list(report.get("topics"))).anySatisfy(topic -> {
            assertThat(topic.get("label").stringValue()).contains("pdf");
            assertThat(topic.get("count").intValue()).isEqualTo(6);
            assertThat(list(topic.get("examples"))).extracting(JsonNode::stringValue)
                    .contains("How do I save a note as a PDF file?");
        });
        JsonNode gaps = report.get("gaps");
        assertThat(gaps.size()).as(gaps.toString()).isEqualTo(1);
        JsonNode gap = gaps.get(0);
        assertThat(gap.get("count").intValue()).isEqualTo(5);
        assertThat(list(gap.get("examples"))).extracting(JsonNode::stringValue).containsExactlyInAnyOrderElementsOf(uncovered);

        help.addArticle("Rotate your API key", """
                # Rotate your API key
                To rotate an API key, open Settings, then Developer, then API keys, and choose "Rotate" next to the key. \
                Rotating creates a new API key and revokes the old key after 24 hours, so you can replace the key in your \
                integrations first. If your API key leaked, choose "Revoke now" to revoke the old key at once and \
                regenerate a new one. We recommend that you rotate API keys every 90 days.
                """);
        ApiClient api = new ApiClient(port);
        await().atMost(Duration.ofMinutes(2)).until(() -> {
            String sources = api.get(help.base() + "/sources").body();
            return sources.contains("Rotate your API key") && !sources.matches("(?s).*\"(pending|indexing)\".*");
        });
        assertThat(help.insights("?days=7").at("/gaps/0/closestSource/title").stringValue())
                .as("the closest source of the gap, now that one covers it").isEqualTo("Rotate your API key");
        assertThat(api.postJson(help.base() + "/users", "{\"username\":\"lead@gapco.test\",\"password\":\"a-long-enough-password\"}")
                .statusCode()).isEqualTo(201);
        HttpClient http = HttpClient.newHttpClient();
        String session = AdminSignIn.signIn(http, port, "lead@gapco.test", "a-long-enough-password");
        String page = adminPage(http, session, "/t/gapco/insights");
        assertThat(page).contains("5 people could not get an answer about").contains("id=\"recheck-" + gap.get("id").longValue());

        HttpResponse<String> rechecked = AdminSignIn.send(http, HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/t/gapco/insights/gaps/" + gap.get("id").longValue() + "/recheck?days=7"))
                .header("Cookie", session).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf(page))).build());
        assertThat(rechecked.statusCode()).isEqualTo(302);
        String after = adminPage(http, session, rechecked.headers().firstValue("Location").orElseThrow()
                .replaceFirst("^https?://[^/]+", ""));

        assertThat(after).contains("5 of 5 questions of this gap are answered now.");
        String table = after.substring(after.indexOf("<table class=\"recheck\">"));
        table = table.substring(0, table.indexOf("</table>"));
        assertThat(table.split("<tr>")).hasSize(7); // the split before the head row, the head row and five checks
        assertThat(table).contains("handoff (").containsPattern("(?s)(answer, confidence [0-9.]+, cites Rotate your API key.*){5}");
    }

    /**
     * Each channel delivers the digest of a period without conversations (the short "quiet week"), and a refused
     * delivery is tried again: Slack against its fake Web API, Teams against a fake Bot Connector, email through GreenMail.
     */
    @Test
    void everyChannelDeliversTheQuietWeekDigestAfterARefusedFirstAttempt() throws Exception {
        ApiClient api = new ApiClient(port);
        for (String tenant : List.of("calmslack", "calmteams", "calmmail")) {
            assertThat(api.postJson("/api/v1/tenants", "{\"id\":\"" + tenant + "\",\"name\":\"Calm Co\"}").statusCode())
                    .isEqualTo(201);
        }
        // Slack: the first chat.postMessage is refused (the workspaces are not verified: the fakes know one workspace)
        HttpResponse<String> slack = api.putJson("/api/v1/tenants/calmslack/channels/slack?verify=false",
                "{\"teamId\":\"T0CALM\",\"botToken\":\"xoxb-calm\"}");
        assertThat(slack.statusCode()).as(slack.body()).isEqualTo(200);
        saveDigest(api, "calmslack", "slack", "C0CALM");
        // the fakes and the mail server's recipients are shared by the H2 and PostgreSQL runs in one JVM
        int slackBefore = postsTo("C0CALM").size();
        SLACK.failNext("chat.postMessage", 1);
        sendAndAwaitSentAfterARetry(api, "calmslack");
        assertThat(postsTo("C0CALM")).hasSize(slackBefore + 1);
        assertThat(postsTo("C0CALM").getLast().form().get("blocks")).contains("\"type\":\"header\"")
                .contains("Weekly digest for Calm Co").contains("A quiet week: no customer conversations")
                .contains("Balance lasts");

        // Teams: the first post to the conversation is refused (the bot not in it yet)
        HttpResponse<String> teams = api.putJson("/api/v1/tenants/calmteams/channels/teams?verify=false",
                "{\"teamsTenantId\":\"6f1e2d3c-4b5a-4968-8776-5a4b3c2d1e0f\"}");
        assertThat(teams.statusCode()).as(teams.body()).isEqualTo(200);
        saveDigest(api, "calmteams", "teams", "19:calm@thread.tacv2");
        int teamsBefore = TEAMS.postsTo("19:calm@thread.tacv2").size();
        TEAMS.refuseNext(1);
        sendAndAwaitSentAfterARetry(api, "calmteams");
        List<FakeTeamsConnector.Post> teamsPosts = TEAMS.postsTo("19:calm@thread.tacv2");
        assertThat(teamsPosts).hasSize(teamsBefore + 1);
        assertThat(teamsPosts.getLast().authorization()).isEqualTo("Bearer test-bot-token");
        assertThat(teamsPosts.getLast().body()).contains("application/vnd.microsoft.card.adaptive")
                .contains("Weekly digest for Calm Co").contains("A quiet week: no customer conversations");

        // email: the mail server is down for the first attempt
        saveDigest(api, "calmmail", "email", "lead@calm.test");
        ServerSetup setup = smtp.getSmtp().getServerSetup();
        int smtpPort = smtp.getSmtp().getPort();
        smtp.stop();
        assertThat(api.postJson("/api/v1/tenants/calmmail/digest/send", "").statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> deliveries(api, "calmmail").get(0).get("lastError").isString());
        smtp = new GreenMail(new ServerSetup(smtpPort, setup.getBindAddress(), setup.getProtocol()));
        smtp.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> "sent".equals(deliveries(api, "calmmail").get(0).get("status").stringValue()));
        assertThat(deliveries(api, "calmmail").get(0).get("attempts").intValue()).isGreaterThanOrEqualTo(2);
        List<MimeMessage> mails = emailsTo("lead@calm.test"); // the mail server was restarted empty
        assertThat(mails).hasSize(1);
        assertThat(mails.getFirst().getSubject()).startsWith("Weekly digest for Calm Co");
        assertThat(GreenMailUtil.getWholeMessage(mails.getFirst())).contains("text/plain").contains("text/html")
                .contains("A quiet week: no customer conversations");
    }

    /** A delivery that keeps failing is given up after its attempts, and the admin page shows it failed and why. */
    @Test
    void aDeliveryThatKeepsFailingIsGivenUpAndTheAdminPageShowsWhy() {
        ApiClient api = new ApiClient(port);
        assertThat(api.postJson("/api/v1/tenants", "{\"id\":\"lostco\",\"name\":\"Lost Co\"}").statusCode()).isEqualTo(201);
        saveDigest(api, "lostco", "slack", "C0LOST"); // but Slack was never connected

        assertThat(api.postJson("/api/v1/tenants/lostco/digest/send", "").statusCode()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(90)).until(() -> "failed".equals(deliveries(api, "lostco").get(0).get("status").stringValue()));
        JsonNode delivery = deliveries(api, "lostco").get(0);
        assertThat(delivery.get("attempts").intValue()).as("hub.insights.digest-max-attempts").isEqualTo(5);
        assertThat(delivery.get("lastError").stringValue()).contains("no slack connection");
        assertThat(api.postJson("/api/v1/tenants/lostco/users", "{\"username\":\"lead@lostco.test\",\"password\":\"a-long-enough-password\"}")
                .statusCode()).isEqualTo(201);
        HttpClient http = HttpClient.newHttpClient();
        String page = adminPage(http, AdminSignIn.signIn(http, port, "lead@lostco.test", "a-long-enough-password"),
                "/t/lostco/insights");
        String deliveries = page.substring(page.indexOf("<table id=\"deliveries\">"));
        assertThat(deliveries.substring(0, deliveries.indexOf("</table>"))).contains("slack C0LOST").contains(">failed<")
                .contains("has no slack connection: connect it on the Channels page");
    }

    private static void saveDigest(ApiClient api, String tenant, String channel, String target) {
        HttpResponse<String> saved = api.putJson("/api/v1/tenants/" + tenant + "/digest", "{\"schedule\":\"weekly\","
                + "\"channel\":\"" + channel + "\",\"target\":\"" + target + "\"}");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    }

    /** Sends the digest now; its first attempt is refused, the retry delivers it, and the delivery shows both. */
    private static void sendAndAwaitSentAfterARetry(ApiClient api, String tenant) {
        assertThat(api.postJson("/api/v1/tenants/" + tenant + "/digest/send", "").statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> "sent".equals(deliveries(api, tenant).get(0).get("status").stringValue()));
        JsonNode delivery = deliveries(api, tenant).get(0);
        assertThat(delivery.get("attempts").intValue()).as(delivery.toString()).isEqualTo(2);
    }

    private String adminPage(HttpClient http, String session, String path) {
        HttpResponse<String> page = AdminSignIn.send(http, HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Cookie", session).GET().build());
        assertThat(page.statusCode()).as(path).isEqualTo(200);
        return page.body();
    }

    private static String csrf(String html) {
        Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(html);
        assertThat(token.find()).as("the page's forms carry a CSRF token").isTrue();
        return token.group(1);
    }

    @AfterAll
    static void stopMailServer() {
        if (smtp != null) smtp.stop();
    }

    @Test
    void sendsEachScheduledPeriodOnceByEmailWithTwoSchedulersOnOneDatabase() throws Exception {
        ApiClient api = new ApiClient(port);
        assertThat(api.postJson("/api/v1/tenants", "{\"id\":\"mailco\",\"name\":\"Mail Co\"}").statusCode()).isEqualTo(201);
        // a period every three seconds, so several come due while the hub's scheduler and a second one both run
        assertThat(api.putJson("/api/v1/tenants/mailco/digest", "{\"schedule\":\"*/3 * * * * *\",\"channel\":\"email\","
                + "\"target\":\"lead@mailco.test\"}").statusCode()).isEqualTo(200);

        Instant until = Instant.now().plusSeconds(10);
        Thread secondInstance = Thread.ofVirtual().start(() -> {
            while (Instant.now().isBefore(until)) {
                digests.runDue();
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        secondInstance.join();
        assertThat(api.putJson("/api/v1/tenants/mailco/digest", "{\"schedule\":\"weekly\",\"channel\":\"email\","
                + "\"target\":\"lead@mailco.test\"}").statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> list(deliveries(api, "mailco")).stream()
                .noneMatch(d -> d.get("status").stringValue().matches("pending|sending")));

        List<JsonNode> scheduled = list(deliveries(api, "mailco"));
        assertThat(scheduled).hasSizeGreaterThanOrEqualTo(2).allSatisfy(d -> {
            assertThat(d.get("periodKey").stringValue()).startsWith("scheduled:");
            assertThat(d.get("status").stringValue()).isEqualTo("sent");
            assertThat(d.get("attempts").intValue()).as("claimed by one scheduler only").isEqualTo(1);
        });
        List<MimeMessage> received = emailsTo("lead@mailco.test");
        assertThat(received).as("one email per period").hasSize(scheduled.size());
        MimeMessage first = received.getFirst();
        assertThat(first.getAllRecipients()[0].toString()).isEqualTo("lead@mailco.test");
        assertThat(first.getSubject()).startsWith("Daily digest for Mail Co");
        assertThat(first.getContentType()).startsWith("multipart/mixed");
        String raw = GreenMailUtil.getWholeMessage(first);
        assertThat(raw).contains("text/plain").contains("text/html").contains("A quiet day: no customer conversations");
    }

    private static List<MimeMessage> emailsTo(String address) {
        return java.util.Arrays.stream(smtp.getReceivedMessages()).filter(message -> {
            try {
                return message.getAllRecipients()[0].toString().equals(address);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static JsonNode deliveries(ApiClient api, String tenant) {
        return SmallHelpCenter.JSON.readTree(api.get("/api/v1/tenants/" + tenant + "/digest/deliveries").body());
    }

    private static List<FakeSlackWebApi.Call> postsTo(String channel) {
        return SLACK.calls("chat.postMessage").stream().filter(c -> channel.equals(c.form().get("channel"))).toList();
    }

    private static List<FakeSlackWebApi.Call> digestPosts() {
        return SLACK.calls("chat.postMessage").stream().filter(c -> "C0DIGEST".equals(c.form().get("channel"))).toList();
    }

    @Test
    void refusesDigestSettingsItCannotUseAndASendWithNowhereToGo() {
        ApiClient api = new ApiClient(port);
        assertThat(api.postJson("/api/v1/tenants", "{\"id\":\"nowhere\",\"name\":\"Nowhere\"}").statusCode()).isEqualTo(201);
        String base = "/api/v1/tenants/nowhere/digest";
        JsonNode defaults = SmallHelpCenter.JSON.readTree(api.get(base).body());
        assertThat(defaults.get("schedule").stringValue()).isEqualTo("weekly");
        assertThat(defaults.get("timeZone").stringValue()).isEqualTo("UTC");

        HttpResponse<String> send = api.postJson(base + "/send", "");
        assertThat(send.statusCode()).isEqualTo(400);
        assertThat(send.body()).contains("nowhere to go yet");
        for (String bad : List.of("{\"channel\":\"fax\",\"target\":\"x\"}",
                "{\"channel\":\"email\",\"target\":\"not-an-address\"}",
                "{\"schedule\":\"every tuesday\",\"channel\":\"slack\",\"target\":\"C1\"}",
                "{\"channel\":\"slack\",\"target\":\"C1\",\"timeZone\":\"Mars/Base\"}",
                "{\"channel\":\"slack\",\"target\":\"C1\",\"colour\":\"red\"}")) {
            HttpResponse<String> refused = api.putJson(base, bad);
            assertThat(refused.statusCode()).as(bad).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/problem+json"));
        }
        assertThat(SmallHelpCenter.JSON.readTree(api.get(base).body()).get("channel").isNull()).isTrue();
    }

    @Test
    void aTenantWithoutConversationsGetsAnEmptyReport() {
        ApiClient api = new ApiClient(port);
        assertThat(api.postJson("/api/v1/tenants", "{\"id\":\"quiet\",\"name\":\"Quiet\"}").statusCode()).isEqualTo(201);

        JsonNode insights = SmallHelpCenter.JSON.readTree(api.get("/api/v1/tenants/quiet/insights").body());

        assertThat(insights.at("/totals/conversations").longValue()).isZero();
        assertThat(insights.at("/totals/resolutionRate").doubleValue()).isZero();
        assertThat(insights.get("topics").size()).isZero();
        assertThat(insights.get("gaps").size()).isZero();
    }

    @Test
    void refusesAPeriodItCannotReportOnWithAProblemThatSaysWhy() {
        ApiClient api = new ApiClient(port);
        for (String days : List.of("0", "366", "seven", "-1")) {
            HttpResponse<String> response = api.get("/api/v1/tenants/default/insights?days=" + days);
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/problem+json"));
            assertThat(SmallHelpCenter.JSON.readTree(response.body()).get("detail").stringValue())
                    .contains("'days' must be a whole number of days from 1 to 365");
        }
        assertThat(api.get("/api/v1/tenants/nobody/insights").statusCode()).isEqualTo(404);
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }
}
