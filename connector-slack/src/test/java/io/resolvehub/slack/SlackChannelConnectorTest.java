package io.resolvehub.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import io.resolvehub.core.Answer;
import io.resolvehub.core.ChannelType;
import io.resolvehub.core.ChatTurn;
import io.resolvehub.core.Citation;
import io.resolvehub.core.ConversationId;
import io.resolvehub.core.ConversationStatus;
import io.resolvehub.core.Decision;
import io.resolvehub.core.HandoffReason;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.UserRef;
import io.resolvehub.core.channel.ChannelConnector;
import io.resolvehub.core.channel.ChannelException;
import io.resolvehub.core.channel.ChannelSettings;
import io.resolvehub.core.channel.ConversationRef;
import io.resolvehub.core.channel.ConversationView;
import io.resolvehub.core.channel.DeliveryReceipt;
import io.resolvehub.core.channel.HandoffRequest;
import io.resolvehub.core.channel.OutboundMessage;
import io.resolvehub.core.channel.SentParts;
import io.resolvehub.core.channel.TicketDesk;
import io.resolvehub.core.channel.TicketRef;
import io.resolvehub.core.channel.TranscriptTurn;
import io.resolvehub.core.channel.Verification;
import io.resolvehub.core.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The connector against the fake Slack Web API: what the pipeline's calls put on the wire. */
class SlackChannelConnectorTest {

    private static final TenantId TENANT = new TenantId("acme");
    private static final String THREAD = "C0SUPPORT:1700000000.000100";

    private FakeSlackApi slack;
    private SlackThreads threads;
    private SlackConnectorFactory factory;

    @BeforeEach
    void start() {
        slack = new FakeSlackApi();
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(slack.url());
        SlackProperties properties = new SlackProperties(null, null, null, slack.url(), null, null, 1000.0, 3,
                Duration.ofSeconds(5), null, null);
        threads = new SlackThreads(JdbcClient.create(TestDatabase.H2.freshDataSource("classpath:db/migration/slack")));
        factory = new SlackConnectorFactory(new SlackWebApi(Slack.getInstance(config), properties), new SlackMessageRenderer(), threads);
    }

    @AfterEach
    void stop() {
        slack.close();
    }

    @Test
    void postsTheAnswerInTheThreadWithSourcesAndBothButtons() {
        Answer answer = Answer.answer("To reset your password, open **Settings** and choose *Reset*.", 0.82, List.of(
                new Citation("src-1", "Resetting your password", "https://help.example.com/reset", "Open Settings…")));

        DeliveryReceipt receipt = connector(null).send(new OutboundMessage(ref(Map.of()), answer, true));

        FakeSlackApi.Call post = single("chat.postMessage");
        assertThat(post.authorization()).isEqualTo("Bearer xoxb-test-token");
        assertThat(post.param("channel")).isEqualTo("C0SUPPORT");
        assertThat(post.param("thread_ts")).isEqualTo("1700000000.000100");
        JsonArray blocks = JsonParser.parseString(post.param("blocks")).getAsJsonArray();
        assertThat(text(blocks.get(0))).isEqualTo("To reset your password, open *Settings* and choose _Reset_.");
        assertThat(text(blocks.get(1))).isEqualTo("*Sources*\n• <https://help.example.com/reset|Resetting your password>");
        JsonObject actions = blocks.get(2).getAsJsonObject();
        assertThat(actions.get("block_id").getAsString()).isEqualTo("hub_feedback");
        assertThat(actions.getAsJsonArray("elements")).extracting(e -> e.getAsJsonObject().get("action_id").getAsString()
                + "=" + e.getAsJsonObject().getAsJsonObject("text").get("text").getAsString()
                + "@" + e.getAsJsonObject().get("value").getAsString())
                .containsExactly("hub_resolved=That solved it@" + THREAD, "hub_handoff=Talk to a human@" + THREAD);
        assertThat(receipt.platformMessageId()).isNotBlank();
        assertThat(receipt.replyContext()).containsEntry(SlackReplyContext.MESSAGE_TS, receipt.platformMessageId());
        assertThat(threads.isAnswering("T0HUBTEST", "C0SUPPORT", "1700000000.000100")).isTrue();
    }

    @Test
    void aPostSlackTookButWhoseAnswerWasLostIsFoundByItsMarkNotPostedTwice() {
        Answer answer = Answer.answer("Reset links expire after 30 minutes.", 0.9, List.of());
        slack.acceptNextPostThenLoseTheAnswer();
        List<String> recorded = new ArrayList<>();

        connector(null).send(new OutboundMessage(ref(Map.of()), answer, true,
                SentParts.resuming("resolvehub-turn-41", false, 0, null, (count, id) -> recorded.add(count + ":" + id))));

        assertThat(slack.held()).as("one message in the thread").singleElement().satisfies(held -> {
            assertThat(JsonParser.parseString(held.metadata()).getAsJsonObject().getAsJsonObject("event_payload")
                    .get("part").getAsString()).isEqualTo("resolvehub-turn-41.0");
            assertThat(recorded).as("recorded as the message Slack holds").containsExactly("1:" + held.ts());
        });
        assertThat(slack.calls("conversations.replies")).as("looked for it once, after the lost answer").singleElement()
                .satisfies(c -> assertThat(c.param("include_all_metadata")).isIn("true", "1"));
    }

    @Test
    void aFirstAttemptPostsWithoutLookingInTheThread() {
        connector(null).send(new OutboundMessage(ref(Map.of()), Answer.answer("Reset links expire after 30 minutes.",
                0.9, List.of()), true, SentParts.resuming("resolvehub-turn-42", false, 0, null, (count, id) -> { })));

        assertThat(slack.calls("chat.postMessage")).hasSize(1);
        assertThat(slack.calls("conversations.replies")).as("no read on the common path").isEmpty();
    }

    @Test
    void readsTheThreadsEarlierMessagesForAMentionThatJoinedItMidway() {
        List<ChatTurn> earlier = connector(null).earlierMessages(ref(Map.of(
                SlackReplyContext.EARLIER_BEFORE, "1700000050.000300", SlackReplyContext.BOT_USER_ID, "U0HUBBOT")));

        assertThat(earlier).containsExactly(
                ChatTurn.user("Our export to CSV keeps failing since this morning"),
                ChatTurn.user("Same here, it says <quota exceeded> for @U0CUSTOMER"));
        FakeSlackApi.Call replies = single("conversations.replies");
        assertThat(replies.param("channel")).isEqualTo("C0SUPPORT");
        assertThat(replies.param("ts")).isEqualTo("1700000000.000100");
        assertThat(replies.authorization()).isEqualTo("Bearer xoxb-test-token");
    }

    @Test
    void earlierMessagesAreOnlyReadForAMentionThatJoinedAThreadMidway() {
        assertThat(connector(null).earlierMessages(ref(Map.of()))).isEmpty();
        assertThat(slack.calls("conversations.replies")).isEmpty();
    }

    @Test
    void whenSlackRefusesTheThreadTheHubAnswersWithoutItsEarlierMessages() {
        slack.answer("conversations.replies", "{\"ok\":false,\"error\":\"missing_scope\",\"needed\":\"channels:history\"}");

        assertThat(connector(null).earlierMessages(ref(Map.of(SlackReplyContext.EARLIER_BEFORE, "1700000050.000300"))))
                .isEmpty();
    }

    @Test
    void aClarifyingQuestionHasNoButtons() {
        connector(null).send(new OutboundMessage(ref(Map.of()),
                Answer.clarify("Do you mean the web app or the mobile app?", 0.4, List.of()), false));

        JsonArray blocks = JsonParser.parseString(single("chat.postMessage").param("blocks")).getAsJsonArray();
        assertThat(blocks).hasSize(1);
    }

    @Test
    void documentTextNeverPingsAnyone() {
        String hostile = "Ping <!channel> and <!here|here> and <!everyone>, <@U0BOSS>, <#C0GENERAL|general>, "
                + "<!subteam^S0ADMINS|@admins>, also @here and @channel in plain words.";

        connector(null).send(new OutboundMessage(ref(Map.of()), Answer.answer(hostile, 0.9, List.of(
                new Citation("s", "<!channel> title", "https://help.example.com/x", "…"))), true));

        FakeSlackApi.Call post = single("chat.postMessage");
        String wire = post.param("blocks") + post.param("text");
        assertThat(wire).doesNotContain("<!channel", "<!here", "<!everyone", "<@U0BOSS", "<#C0GENERAL", "<!subteam")
                .doesNotContain("@here", "@channel")
                .contains("&lt;!channel&gt;", "&lt;@U0BOSS&gt;");
    }

    @Test
    void aLongAnswerIsSplitUnderSlacksLimitsWithButtonsOnTheLastPart() {
        String paragraph = "Step: open the export page and choose the format you need for your data. ".repeat(30);
        String longText = String.join("\n\n", List.of(paragraph, paragraph, paragraph, paragraph));

        connector(null).send(new OutboundMessage(ref(Map.of()), Answer.answer(longText, 0.9, List.of()), true));

        List<FakeSlackApi.Call> posts = slack.calls("chat.postMessage");
        assertThat(posts.size()).isGreaterThan(1);
        for (FakeSlackApi.Call post : posts) {
            JsonArray blocks = JsonParser.parseString(post.param("blocks")).getAsJsonArray();
            assertThat(text(blocks.get(0)).length()).isLessThanOrEqualTo(3000);
            assertThat(post.param("thread_ts")).isEqualTo("1700000000.000100");
        }
        assertThat(posts.getLast().param("blocks")).contains("hub_feedback");
        assertThat(posts.getFirst().param("blocks")).doesNotContain("hub_feedback");
    }

    @Test
    void aRateLimitedPostIsRetriedAfterRetryAfter() {
        slack.scriptNext("chat.postMessage", 429, Map.of("Retry-After", "1"), "{\"ok\":false,\"error\":\"ratelimited\"}");

        DeliveryReceipt receipt = connector(null).send(new OutboundMessage(ref(Map.of()), Answer.answer("Hi", 0.9, List.of()), true));

        assertThat(slack.calls("chat.postMessage")).hasSize(2);
        assertThat(receipt.platformMessageId()).isNotBlank();
    }

    @Test
    void aLongRetryAfterGoesBackToThePipelineAsARetriableFailure() {
        slack.scriptNext("chat.postMessage", 429, Map.of("Retry-After", "120"), "{\"ok\":false,\"error\":\"ratelimited\"}");
        ChannelConnector connector = connector(null);
        OutboundMessage message = new OutboundMessage(ref(Map.of()), Answer.answer("Hi", 0.9, List.of()), true);

        assertThatThrownBy(() -> connector.send(message))
                .isInstanceOfSatisfying(ChannelException.class, e -> {
                    assertThat(e.retriable()).isTrue();
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(120));
                });
        assertThat(slack.calls("chat.postMessage")).hasSize(1);
    }

    @Test
    void aRevokedTokenIsAPermanentFailure() {
        slack.answer("chat.postMessage", "{\"ok\":false,\"error\":\"token_revoked\"}");
        ChannelConnector connector = connector(null);
        OutboundMessage message = new OutboundMessage(ref(Map.of()), Answer.answer("Hi", 0.9, List.of()), true);

        assertThatThrownBy(() -> connector.send(message))
                .isInstanceOfSatisfying(ChannelException.class, e -> assertThat(e.retriable()).isFalse())
                .hasMessageContaining("token_revoked");
        assertThat(slack.calls("chat.postMessage")).hasSize(1);
    }

    @Test
    void handsOffToAZendeskLikeDeskWithTheRequestersEmailAndTellsEveryone() {
        RecordingDesk zendesk = new RecordingDesk(new TicketRef("zendesk", "1234", "https://acme.zendesk.com/agent/tickets/1234"));
        Map<String, String> clicked = clickedAnswerContext();

        TicketRef ticket = connector("C0ESCALATE").handOff(new HandoffRequest(view(clicked), HandoffReason.USER_REQUEST, zendesk,
                "A person from our team will follow up here (ticket {ticket})."));

        assertThat(ticket.id()).isEqualTo("1234");
        assertThat(zendesk.threadLinks).containsExactly("https://hubtest.slack.com/archives/C0SUPPORT/p1700000000000100");
        UserRef requester = zendesk.views.getFirst().ref().user();
        assertThat(requester.email()).isEqualTo("casey@example.com");
        assertThat(requester.displayName()).isEqualTo("Casey Customer");
        assertThat(single("chat.getPermalink").param("message_ts")).isEqualTo("1700000000.000100");
        assertThat(single("users.info").param("user")).isEqualTo("U0CUSTOMER");

        List<FakeSlackApi.Call> posts = slack.calls("chat.postMessage");
        FakeSlackApi.Call escalation = posts.stream().filter(p -> "C0ESCALATE".equals(p.param("channel"))).findFirst().orElseThrow();
        assertThat(escalation.param("text")).contains("user_request", "<https://hubtest.slack.com/archives/C0SUPPORT/p1700000000000100|the thread>",
                "<https://acme.zendesk.com/agent/tickets/1234|#1234>");
        FakeSlackApi.Call notice = posts.stream().filter(p -> "C0SUPPORT".equals(p.param("channel"))).findFirst().orElseThrow();
        assertThat(notice.param("thread_ts")).isEqualTo("1700000000.000100");
        assertThat(notice.param("text")).isEqualTo("A person from our team will follow up here (ticket #1234).");

        FakeSlackApi.Call update = single("chat.update");
        assertThat(update.param("ts")).isEqualTo("1700000001.000200");
        assertThat(update.param("blocks")).doesNotContain("hub_feedback").contains("Handed to a person: ticket #1234");
    }

    @Test
    void handsOffToTheHubInboxNamingTheSlackUserWhenEmailsAreNotReadable() {
        slack.answer("users.info", "{\"ok\":false,\"error\":\"missing_scope\",\"needed\":\"users:read.email\"}");
        RecordingDesk inbox = new RecordingDesk(new TicketRef("hub", "HUB-7", null));

        TicketRef ticket = connector(null).handOff(new HandoffRequest(view(Map.of()), HandoffReason.LOW_CONFIDENCE, inbox,
                "I've passed this to a person ({ticket})."));

        assertThat(ticket.system()).isEqualTo("hub");
        UserRef requester = inbox.views.getFirst().ref().user();
        assertThat(requester.email()).isNull();
        assertThat(requester.label()).isEqualTo("casey");
        assertThat(slack.calls("chat.postMessage")).singleElement()
                .satisfies(p -> assertThat(p.param("text")).isEqualTo("I've passed this to a person (#HUB-7)."));
        assertThat(slack.calls("chat.update")).isEmpty();
    }

    @Test
    void confirmingAResolutionReplacesTheButtonsWithTheOutcome() {
        connector(null).confirmResolved(ref(clickedAnswerContext()));

        FakeSlackApi.Call read = single("conversations.replies");
        assertThat(read.param("ts")).isEqualTo("1700000000.000100");
        assertThat(read.param("oldest")).isEqualTo("1700000001.000200");
        assertThat(read.param("latest")).isEqualTo("1700000001.000200");
        FakeSlackApi.Call update = single("chat.update");
        assertThat(update.param("channel")).isEqualTo("C0SUPPORT");
        assertThat(update.param("ts")).isEqualTo("1700000001.000200");
        JsonArray blocks = JsonParser.parseString(update.param("blocks")).getAsJsonArray();
        assertThat(blocks).hasSize(3);
        assertThat(blocks.toString()).doesNotContain("hub_resolved").contains("Solved", "Resetting your password");
        assertThat(slack.calls("chat.postMessage")).isEmpty();
    }

    @Test
    void aClickOnAnAnswerSlackNoLongerHoldsIsConfirmedWithANoticeInTheThread() {
        Map<String, String> clicked = Map.of(SlackReplyContext.TEAM_ID, "T0HUBTEST", SlackReplyContext.CHANNEL,
                "C0SUPPORT", SlackReplyContext.THREAD_TS, "1700000000.000100", SlackReplyContext.MESSAGE_TS,
                "1700000001.000200");

        connector(null).confirmResolved(ref(clicked));

        assertThat(slack.calls("chat.update")).isEmpty();
        assertThat(single("chat.postMessage").param("text")).contains("Marked as solved");
    }

    @Test
    void verifyNamesAMissingSettingBeforeCallingSlack() {
        Verification verification = factory.verify(new ChannelSettings(Map.of("teamId", "T0HUBTEST")));

        assertThat(verification.ok()).isFalse();
        assertThat(verification.detail()).contains("botToken");
        assertThat(slack.calls()).isEmpty();
    }

    @Test
    void verifyChecksTheTokenBelongsToTheWorkspace() {
        Verification right = factory.verify(new ChannelSettings(Map.of("teamId", "T0HUBTEST", "botToken", "xoxb-test-token")));
        Verification wrong = factory.verify(new ChannelSettings(Map.of("teamId", "T0OTHER", "botToken", "xoxb-test-token")));

        assertThat(right.ok()).isTrue();
        assertThat(right.detail()).contains("Hub Test Workspace");
        assertThat(wrong.ok()).isFalse();
        assertThat(wrong.detail()).contains("T0HUBTEST", "T0OTHER");
    }

    private ChannelConnector connector(String escalationChannel) {
        Map<String, String> settings = new HashMap<>(Map.of("teamId", "T0HUBTEST", "botToken", "xoxb-test-token"));
        if (escalationChannel != null) {
            settings.put("escalationChannel", escalationChannel);
        }
        return factory.create(TENANT, new ChannelSettings(settings));
    }

    private static ConversationRef ref(Map<String, String> replyContext) {
        return new ConversationRef(new ConversationId("conv-1"), TENANT, ChannelType.SLACK, THREAD,
                new UserRef("U0CUSTOMER", "casey", null), replyContext);
    }

    private static ConversationView view(Map<String, String> replyContext) {
        Instant at = Instant.parse("2026-11-29T10:00:00Z");
        return new ConversationView(ref(replyContext), ConversationStatus.OPEN, List.of(
                new TranscriptTurn(ChatTurn.Role.USER, "how do I reset my password?", null, null, List.of(), at),
                new TranscriptTurn(ChatTurn.Role.ASSISTANT, "Open Settings.", Decision.ANSWER, 0.8, List.of(), at)));
    }

    /**
     * The reply context of a click on an answer, as the events endpoint stores it (where the answer is, not what it
     * shows), with the answer in the fake workspace, as the hub posted it.
     */
    private Map<String, String> clickedAnswerContext() {
        JsonObject payload = JsonParser.parseString(SlackHub.sample("interactivity/block_actions.json")).getAsJsonObject();
        slack.holds("C0SUPPORT", "1700000000.000100", "1700000001.000200",
                payload.getAsJsonObject("message").getAsJsonArray("blocks").toString());
        return Map.of(SlackReplyContext.TEAM_ID, "T0HUBTEST", SlackReplyContext.CHANNEL, "C0SUPPORT",
                SlackReplyContext.THREAD_TS, "1700000000.000100", SlackReplyContext.MESSAGE_TS, "1700000001.000200");
    }

    private FakeSlackApi.Call single(String method) {
        assertThat(slack.calls(method)).hasSize(1);
        return slack.calls(method).getFirst();
    }

    private static String text(JsonElement block) {
        return block.getAsJsonObject().getAsJsonObject("text").get("text").getAsString();
    }

    /** A ticket desk (Zendesk-like or the hub inbox) that records what it was given. */
    private static final class RecordingDesk implements TicketDesk {
        final List<ConversationView> views = new ArrayList<>();
        final List<String> threadLinks = new ArrayList<>();
        private final TicketRef ticket;

        RecordingDesk(TicketRef ticket) {
            this.ticket = ticket;
        }

        @Override
        public TicketRef openTicket(ConversationView conversation, HandoffReason reason, String threadLink) {
            views.add(conversation);
            threadLinks.add(threadLink);
            return ticket;
        }
    }
}
