package io.resolvehub.slack;

import io.resolvehub.core.ChannelType;
import io.resolvehub.core.ChatTurn;
import io.resolvehub.core.InboundKind;
import io.resolvehub.core.InboundMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /slack/events} end to end over HTTP: signature first, then translation into the intake, then the ack. */
class SlackEventsEndpointTest {

    private static SlackHub hub;

    @BeforeAll
    static void start() {
        hub = SlackHub.shared();
    }

    @BeforeEach
    void freshState() {
        hub.reset().installed();
    }

    @Test
    void answersUrlVerificationWithTheChallenge() {
        HttpResponse<String> response = hub.postEvent(SlackHub.sample("events/url_verification.json"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
    }

    @Test
    void answersSlacksUnsignedSslCheckAndDoesNothingElse() {
        HttpResponse<String> response = hub.post("application/x-www-form-urlencoded", "ssl_check=1&token=Jhj5dZrVaK7ZwHHjRyZWjbDl",
                Instant.now().getEpochSecond(), "v0=unsigned");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(hub.intake.accepted()).isEmpty();
        assertThat(hub.slack.calls()).isEmpty();
    }

    @Test
    void storesAMentionForItsThreadBeforeAcknowledging() {
        HttpResponse<String> response = hub.postEvent(SlackHub.sample("events/app_mention.json"));

        assertThat(response.statusCode()).isEqualTo(200);
        InboundMessage message = single();
        assertThat(message.tenant()).isEqualTo(SlackHub.TENANT);
        assertThat(message.channel()).isEqualTo(ChannelType.SLACK);
        assertThat(message.platformEventId()).isEqualTo("Ev0MENTION01");
        assertThat(message.threadKey()).isEqualTo("C0SUPPORT:1700000000.000100");
        assertThat(message.kind()).isEqualTo(InboundKind.MESSAGE);
        assertThat(message.text()).isEqualTo("how do I reset my password?");
        assertThat(message.user().platformId()).isEqualTo("U0CUSTOMER");
        assertThat(message.priorTurns()).isEmpty();
        assertThat(hub.bean(SlackThreads.class).isAnswering("T0HUBTEST", "C0SUPPORT", "1700000000.000100")).isTrue();
        assertThat(hub.slack.calls()).as("nothing is answered synchronously").isEmpty();
    }

    @Test
    void aRedeliveredEventIsStoredOnce() {
        String event = SlackHub.sample("events/app_mention.json");

        HttpResponse<String> first = hub.postEvent(event);
        HttpResponse<String> retry = hub.postEvent(event, "X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(hub.intake.accepted()).hasSize(1);
        assertThat(hub.intake.duplicates()).isEqualTo(1);
    }

    @Test
    void refusesABadSignatureAndStoresNothing() {
        HttpResponse<String> response = hub.post("application/json", SlackHub.sample("events/app_mention.json"),
                Instant.now().getEpochSecond(), "v0=" + "0".repeat(64));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(hub.intake.accepted()).isEmpty();
        assertThat(hub.bean(SlackThreads.class).isAnswering("T0HUBTEST", "C0SUPPORT", "1700000000.000100")).isFalse();
    }

    @Test
    void refusesASignatureOlderThanFiveMinutesAndStoresNothing() {
        long stale = Instant.now().minusSeconds(301).getEpochSecond();

        HttpResponse<String> response = hub.post("application/json", SlackHub.sample("events/app_mention.json"), stale, null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(hub.intake.accepted()).isEmpty();
    }

    @Test
    void refusesASignatureDatedMoreThanFiveMinutesAhead() {
        // well past the five-minute window: the timestamp is cut to whole seconds and a loaded machine takes its time to
        // deliver the request, both of which bring a barely-too-late timestamp back inside the window
        long future = Instant.now().plusSeconds(330).getEpochSecond();

        HttpResponse<String> response = hub.post("application/json", SlackHub.sample("events/app_mention.json"), future, null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(hub.intake.accepted()).isEmpty();
    }

    @Test
    void acceptsASignatureFromFourMinutesAgo() {
        long recent = Instant.now().minusSeconds(240).getEpochSecond();

        HttpResponse<String> response = hub.post("application/json", SlackHub.sample("events/app_mention.json"), recent, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(hub.intake.accepted()).hasSize(1);
    }

    @Test
    void refusesABodyChangedAfterSigning() {
        String signedBody = SlackHub.sample("events/app_mention.json");
        long now = Instant.now().getEpochSecond();
        String signature = new com.slack.api.app_backend.SlackSignature.Generator(SlackHub.SIGNING_SECRET).generate(Long.toString(now), signedBody);

        HttpResponse<String> response = hub.post("application/json", signedBody.replace("reset my password", "delete everything"), now, signature);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(hub.intake.accepted()).isEmpty();
    }

    @Test
    void aFollowUpInAThreadTheHubAnswersContinuesWithoutANewMention() {
        hub.postEvent(SlackHub.sample("events/app_mention.json"));

        HttpResponse<String> response = hub.postEvent(SlackHub.sample("events/message_thread_reply.json"));

        assertThat(response.statusCode()).isEqualTo(200);
        List<InboundMessage> accepted = hub.intake.accepted();
        assertThat(accepted).hasSize(2);
        assertThat(accepted.get(1).threadKey()).isEqualTo(accepted.get(0).threadKey());
        assertThat(accepted.get(1).text()).isEqualTo("and what if I no longer have access to my email?");
    }

    @Test
    void ignoresMessagesInThreadsTheHubIsNotPartOf() {
        HttpResponse<String> response = hub.postEvent(SlackHub.sample("events/message_thread_reply.json"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(hub.intake.accepted()).isEmpty();
    }

    @Test
    void ignoresItsOwnMessagesEditsAndDeletes() {
        hub.postEvent(SlackHub.sample("events/app_mention.json"));

        HttpResponse<String> own = hub.postEvent(SlackHub.sample("events/message_from_hub.json"));
        HttpResponse<String> edit = hub.postEvent(SlackHub.sample("events/message_changed.json"));
        HttpResponse<String> delete = hub.postEvent(SlackHub.sample("events/message_deleted.json"));

        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(edit.statusCode()).isEqualTo(200);
        assertThat(delete.statusCode()).isEqualTo(200);
        assertThat(hub.intake.accepted()).extracting(InboundMessage::platformEventId).containsExactly("Ev0MENTION01");
    }

    @Test
    void ignoresMentionsPostedByBots() {
        String botMention = SlackHub.sample("events/app_mention.json")
                .replace("\"user\": \"U0CUSTOMER\",", "\"user\": \"U0OTHERBOT\", \"bot_id\": \"B0OTHER\",");

        hub.postEvent(botMention);

        assertThat(hub.intake.accepted()).isEmpty();
    }

    @Test
    void aThreadReplyThatMentionsTheHubIsTakenOnlyFromTheMentionEvent() {
        hub.postEvent(SlackHub.sample("events/app_mention.json"));
        String mentioningReply = SlackHub.sample("events/message_thread_reply.json")
                .replace("and what if", "<@U0HUBBOT> and what if");

        hub.postEvent(mentioningReply);

        assertThat(hub.intake.accepted()).hasSize(1);
    }

    @Test
    void aDirectMessageIsTakenAsItsOwnThread() {
        HttpResponse<String> response = hub.postEvent(SlackHub.sample("events/message_im.json"));

        assertThat(response.statusCode()).isEqualTo(200);
        InboundMessage message = single();
        assertThat(message.threadKey()).isEqualTo("D0CUSTOMER:1700000300.000600");
        assertThat(message.text()).isEqualTo("Can I change the billing currency?");
    }

    @Test
    void aMentionInsideAnExistingThreadIsStoredWithoutReadingTheThreadInsideTheAcknowledgement() {
        HttpResponse<String> response = hub.postEvent(SlackHub.sample("events/app_mention_in_thread.json"));

        assertThat(response.statusCode()).isEqualTo(200);
        InboundMessage message = single();
        assertThat(message.threadKey()).isEqualTo("C0SUPPORT:1700000000.000100");
        assertThat(message.text()).isEqualTo("how do I raise the export quota?");
        assertThat(message.priorTurns()).as("fetched later, by the worker").isEmpty();
        assertThat(message.replyContext()).containsEntry(SlackReplyContext.EARLIER_BEFORE, "1700000050.000300")
                .containsEntry(SlackReplyContext.BOT_USER_ID, "U0HUBBOT");
        assertThat(hub.slack.calls("conversations.replies")).isEmpty();
    }

    @Test
    void aMentionInAThreadTheHubAnswersAlreadyNeedsNoEarlierMessages() {
        hub.bean(SlackThreads.class).remember(SlackHub.TEAM_ID, "C0SUPPORT", "1700000000.000100");

        hub.postEvent(SlackHub.sample("events/app_mention_in_thread.json"));

        assertThat(single().replyContext()).doesNotContainKey(SlackReplyContext.EARLIER_BEFORE);
    }

    @Test
    void eventsFromAWorkspaceNoTenantInstalledAreAcknowledgedNotProcessed() {
        String stranger = SlackHub.sample("events/app_mention.json").replace("T0HUBTEST", "T0STRANGER");

        HttpResponse<String> response = hub.postEvent(stranger);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(hub.intake.accepted()).isEmpty();
    }

    @Test
    void anEventThatCannotBeStoredIsNotAcknowledgedSoSlackRetries() {
        hub.intake.failing(true);

        HttpResponse<String> response = hub.postEvent(SlackHub.sample("events/app_mention.json"));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(hub.jdbc().sql("select count(*) from slack_threads").query(Long.class).single())
                .as("the thread is remembered with the event, in its transaction, or not at all").isZero();
    }

    @Test
    void aStoredMentionRemembersItsThread() {
        hub.postEvent(SlackHub.sample("events/app_mention.json"));

        InboundMessage message = single();
        SlackThreadKey thread = SlackThreadKey.parse(message.threadKey());
        assertThat(hub.bean(SlackThreads.class).isAnswering(SlackHub.TEAM_ID, thread.channel(), thread.threadTs())).isTrue();
    }

    @Test
    void theTwoButtonsBecomeAResolutionAndAHandoffRequest() {
        String payload = SlackHub.sample("interactivity/block_actions.json");

        HttpResponse<String> resolved = hub.postInteraction(payload
                .replace("${action_id}", "hub_resolved").replace("${action_text}", "That solved it"));
        HttpResponse<String> handoff = hub.postInteraction(payload
                .replace("${action_id}", "hub_handoff").replace("${action_text}", "Talk to a human")
                .replace("6201234567890.1700000000.3b1f", "6201234567890.1700000000.4c2e"));

        assertThat(resolved.statusCode()).isEqualTo(200);
        assertThat(handoff.statusCode()).isEqualTo(200);
        assertThat(hub.intake.accepted()).extracting(InboundMessage::kind)
                .containsExactly(InboundKind.RESOLVED, InboundKind.HANDOFF_REQUEST);
        InboundMessage click = hub.intake.accepted().getFirst();
        assertThat(click.threadKey()).isEqualTo("C0SUPPORT:1700000000.000100");
        assertThat(click.user().platformId()).isEqualTo("U0CUSTOMER");
        // where the answer is, not what it shows: its blocks are read back from Slack when the buttons are replaced
        assertThat(click.replyContext()).containsOnlyKeys(SlackReplyContext.TEAM_ID, SlackReplyContext.CHANNEL,
                SlackReplyContext.THREAD_TS, SlackReplyContext.MESSAGE_TS)
                .containsEntry(SlackReplyContext.MESSAGE_TS, "1700000001.000200");
    }

    @Test
    void askPostsTheQuestionAndStartsAThreadOnIt() {
        HttpResponse<String> response = hub.postForm(SlackHub.sample("commands/ask.txt"));

        assertThat(response.statusCode()).isEqualTo(200);
        FakeSlackApi.Call post = hub.slack.calls("chat.postMessage").getFirst();
        assertThat(hub.slack.calls("chat.postMessage")).hasSize(1);
        assertThat(post.param("channel")).isEqualTo("C0SUPPORT");
        assertThat(post.param("text")).contains("*casey* asked: how do I export my data?");
        InboundMessage message = single();
        // the thread is the posted question's: the fake numbers its ts by call (the SDK's first call with a token
        // is its own auth.test, so which number depends on the tests before)
        assertThat(message.threadKey()).matches("C0SUPPORT:1700000\\d{3}\\.\\d{6}");
        assertThat(message.text()).isEqualTo("how do I export my data?");
        assertThat(message.platformEventId()).startsWith("command:");
    }

    @Test
    void askWithoutAQuestionExplainsTheUsage() {
        HttpResponse<String> response = hub.postForm(SlackHub.sample("commands/ask.txt").replace("how+do+I+export+my+data%3F", ""));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Usage: /ask");
        assertThat(hub.intake.accepted()).isEmpty();
    }

    @Test
    void uninstallingTheAppRemovesTheWorkspace() {
        HttpResponse<String> response = hub.postEvent(SlackHub.sample("events/app_uninstalled.json"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(hub.accounts().tenantForAccount(ChannelType.SLACK, "T0HUBTEST")).isEmpty();
        assertThat(hub.accounts().find(SlackHub.TENANT, ChannelType.SLACK)).isEmpty();
    }

    @Test
    void revokingTheBotTokenRemovesTheWorkspace() {
        HttpResponse<String> response = hub.postEvent(SlackHub.sample("events/tokens_revoked.json"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(hub.accounts().find(SlackHub.TENANT, ChannelType.SLACK)).isEmpty();
    }

    private static InboundMessage single() {
        assertThat(hub.intake.accepted()).hasSize(1);
        return hub.intake.accepted().getFirst();
    }
}
