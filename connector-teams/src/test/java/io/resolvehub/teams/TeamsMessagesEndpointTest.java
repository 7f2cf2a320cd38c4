package io.resolvehub.teams;

import io.resolvehub.core.ChannelType;
import io.resolvehub.core.InboundKind;
import io.resolvehub.core.InboundMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /teams/messages} over HTTP with tokens signed like Bot Framework's: the JWT first (401 and nothing
 * stored for anything wrong), then the tenant, translation into the intake, and the acknowledgement.
 */
class TeamsMessagesEndpointTest {

    private static TeamsHub hub;
    private static FakeBotFramework bf;

    @BeforeAll
    static void start() {
        hub = TeamsHub.shared();
        bf = hub.botFramework;
    }

    @BeforeEach
    void freshState() {
        hub.reset().connected();
    }

    @Test
    void storesAPersonalChatMessageForItsChatBeforeAcknowledging() {
        HttpResponse<String> response = hub.postActivity(TeamsHub.activity("personal_message", bf));

        assertThat(response.statusCode()).isEqualTo(200);
        InboundMessage message = single();
        assertThat(message.tenant()).isEqualTo(TeamsHub.TENANT);
        assertThat(message.channel()).isEqualTo(ChannelType.TEAMS);
        assertThat(message.kind()).isEqualTo(InboundKind.MESSAGE);
        assertThat(message.text()).isEqualTo("How do I reset my password?");
        assertThat(message.threadKey()).startsWith("a:1xB5xbvpYbH9n");
        assertThat(message.platformEventId()).startsWith("1764411303659@");
        assertThat(message.user().platformId()).isEqualTo("c9b8a3e4-5f4d-4e0b-9c7a-2b1d3e4f5a6b");
        assertThat(message.user().displayName()).isEqualTo("Casey Jensen");
        assertThat(message.replyContext())
                .containsEntry(TeamsReplyContext.SERVICE_URL, bf.serviceUrl())
                .containsEntry(TeamsReplyContext.ACTIVITY_ID, "1764411303659")
                .containsEntry(TeamsReplyContext.CONVERSATION_ID, message.threadKey())
                .containsEntry(TeamsReplyContext.TEAMS_TENANT_ID, TeamsHub.TEAMS_TENANT_ID)
                .containsEntry(TeamsReplyContext.USER_ID, "29:1casey");
        assertThat(bf.connectorCalls()).as("nothing is answered synchronously").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-29T10:15:03Z", "2026-11-29T10:15:03+01:00", "2026-11-29T10:15:03.5-08:00",
            "not a time", ""})
    void takesAMessageWhateverTheFormOfItsTimestamp(String timestamp) {
        String activity = TeamsHub.activity("personal_message", bf)
                .replace("\"timestamp\": \"2026-11-29T10:15:03.6591236Z\"", "\"timestamp\": \"" + timestamp + "\"");

        HttpResponse<String> response = hub.postActivity(activity);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(single().text()).isEqualTo("How do I reset my password?");
    }

    @Test
    void storesAChannelMessageThatMentionsTheBotWithoutTheMentionForItsReplyChain() {
        hub.postActivity(TeamsHub.activity("channel_mention", bf));

        InboundMessage message = single();
        assertThat(message.text()).isEqualTo("how do I export my notes to PDF?");
        assertThat(message.threadKey()).isEqualTo("19:d4b1f0c2e8a54b3e9f6a7c8d9e0f1a2b@thread.tacv2;messageid=1764411500123");
        assertThat(message.replyContext()).containsEntry(TeamsReplyContext.CONVERSATION_TYPE, "channel");
    }

    @Test
    void acknowledgesChannelChatterThatDoesNotMentionTheBotAndStoresNothing() {
        HttpResponse<String> response = hub.postActivity(TeamsHub.activity("channel_message_without_mention", bf));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(hub.intake.accepted()).isEmpty();
    }

    @Test
    void acknowledgesAConversationUpdateAndStoresNothing() {
        HttpResponse<String> response = hub.postActivity(TeamsHub.activity("conversation_update_bot_added", bf));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(hub.intake.accepted()).isEmpty();
    }

    @Test
    void mapsTheCardButtonsToResolvedAndHandoffForTheSameChat() {
        hub.postActivity(TeamsHub.activity("card_submit", bf).replace("${hubAction}", "resolved"));
        hub.postActivity(TeamsHub.activity("card_submit", bf).replace("${hubAction}", "handoff")
                .replace("1764411401284", "1764411401999"));

        assertThat(hub.intake.accepted()).extracting(InboundMessage::kind)
                .containsExactly(InboundKind.RESOLVED, InboundKind.HANDOFF_REQUEST);
        InboundMessage resolved = hub.intake.accepted().getFirst();
        assertThat(resolved.threadKey()).startsWith("a:1xB5xbvpYbH9n");
        assertThat(resolved.replyContext()).containsEntry(TeamsReplyContext.CARD_ACTIVITY_ID, "1764411305001")
                .containsEntry(TeamsReplyContext.ACTIVITY_ID, "1764411401284");
    }

    @Test
    void aRedeliveredActivityIsStoredOnce() {
        String activity = TeamsHub.activity("personal_message", bf);

        assertThat(hub.postActivity(activity).statusCode()).isEqualTo(200);
        assertThat(hub.postActivity(activity).statusCode()).isEqualTo(200);

        assertThat(hub.intake.accepted()).hasSize(1);
        assertThat(hub.intake.duplicates()).isEqualTo(1);
    }

    @Test
    void theSameMessageIdInAnotherConversationIsNotADuplicate() {
        hub.postActivity(TeamsHub.activity("personal_message", bf));
        hub.postActivity(TeamsHub.activity("personal_message", bf).replace("a:1xB5xbvpYbH9n", "a:1zzOTHERchat"));

        assertThat(hub.intake.accepted()).hasSize(2);
    }

    @Test
    void rejectsAnActivityWithoutAToken() {
        assertRejected(null);
    }

    @Test
    void rejectsATokenForAnotherBot() {
        assertRejected(bf.token("another-app-id", bf.serviceUrl()));
    }

    @Test
    void rejectsAnExpiredToken() {
        assertRejected(bf.token(TeamsHub.APP_ID, bf.serviceUrl(), FakeBotFramework.ISSUER,
                Instant.now().minusSeconds(600), false));
    }

    @Test
    void rejectsATokenIssuedForAnotherServiceUrl() {
        assertRejected(bf.token(TeamsHub.APP_ID, "https://smba.trafficmanager.net/emea/"));
    }

    @Test
    void rejectsATokenFromAnotherIssuer() {
        assertRejected(bf.token(TeamsHub.APP_ID, bf.serviceUrl(), "https://sts.windows.net/attacker/",
                Instant.now().plusSeconds(3600), false));
    }

    @Test
    void rejectsATokenSignedByAKeyTheMetadataDoesNotPublish() {
        assertRejected(bf.token(TeamsHub.APP_ID, bf.serviceUrl(), FakeBotFramework.ISSUER,
                Instant.now().plusSeconds(3600), true));
    }

    @Test
    void rejectsAnActivityWithoutAServiceUrlWhoseTokenClaimCouldNotBeChecked() {
        String activity = TeamsHub.activity("personal_message", bf).replace("\"serviceUrl\": \"" + bf.serviceUrl() + "\",", "");
        assertThat(activity).doesNotContain("serviceUrl");

        assertThat(hub.postActivity(activity).statusCode()).isEqualTo(401);
        assertThat(hub.intake.accepted()).isEmpty();
    }

    @Test
    void rejectsGarbageAsAToken() {
        assertRejected("Bearer not.a.jwt");
    }

    @Test
    void acknowledgesAnActivityFromATenantNoOneConnectedAndStoresNothing() {
        hub.accounts.clear();

        HttpResponse<String> response = hub.postActivity(TeamsHub.activity("personal_message", bf));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(hub.intake.accepted()).isEmpty();
    }

    @Test
    void answers503WhenTheActivityCannotBeStoredSoTeamsSeesTheFailure() {
        hub.intake.failing(true);

        HttpResponse<String> response = hub.postActivity(TeamsHub.activity("personal_message", bf));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(hub.intake.accepted()).isEmpty();
    }

    @Test
    void answersABodyThatIsNoActivityWith400WhenATokenIsSentAnd401Otherwise() {
        assertThat(hub.postActivity("{\"hello\":", bf.token(TeamsHub.APP_ID, bf.serviceUrl())).statusCode()).isEqualTo(400);
        assertThat(hub.postActivity("{\"hello\":", null).statusCode()).isEqualTo(401);
        assertThat(hub.intake.accepted()).isEmpty();
    }

    @Test
    void refusesAnOversizedBodyBeforeReadingIt() {
        String huge = TeamsHub.activity("personal_message", bf).replace("How do I reset my password?", "x".repeat(300_000));

        assertThat(hub.postActivity(huge).statusCode()).isEqualTo(413);
        assertThat(hub.intake.accepted()).isEmpty();
    }

    private static void assertRejected(String authorization) {
        HttpResponse<String> response = hub.postActivity(TeamsHub.activity("personal_message", bf), authorization);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(hub.intake.accepted()).isEmpty();
        assertThat(hub.intake.duplicates()).isZero();
    }

    private static InboundMessage single() {
        assertThat(hub.intake.accepted()).hasSize(1);
        return hub.intake.accepted().getFirst();
    }
}
