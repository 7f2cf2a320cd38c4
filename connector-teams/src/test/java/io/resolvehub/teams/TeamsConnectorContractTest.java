package io.resolvehub.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.resolvehub.core.Answer;
import io.resolvehub.core.ChannelType;
import io.resolvehub.core.ConversationId;
import io.resolvehub.core.HandoffReason;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.UserRef;
import io.resolvehub.core.channel.ChannelConnectorFactory;
import io.resolvehub.core.channel.ChannelSettings;
import io.resolvehub.core.channel.ConversationRef;
import io.resolvehub.core.channel.HandoffRequest;
import io.resolvehub.core.channel.OutboundMessage;
import io.resolvehub.core.channel.Report;
import io.resolvehub.core.testing.PlatformConnectorContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The delivery contract every channel passes and the platform part, run against the Teams connector and the fake Bot Framework. */
class TeamsConnectorContractTest extends PlatformConnectorContract {

    static final String CONVERSATION = "19:d4b1f0c2e8a54b3e9f6a7c8d9e0f1a2b@thread.tacv2;messageid=1764411500123";
    static final String ESCALATION = "19:e5c0ffee0000111122223333aaaabbbb@thread.tacv2";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FakeBotFramework bf = FakeBotFramework.shared();
    private final TeamsConnectorFactory factory = factory(bf);

    static TeamsConnectorFactory factory(FakeBotFramework bf) {
        TeamsProperties properties = new TeamsProperties(TeamsHub.APP_ID, TeamsHub.APP_PASSWORD, null,
                bf.tokenUrl("botframework.com"), null, null, null, 1000.0, Duration.ofSeconds(5), null, null, bf.serviceUrl());
        TeamsTokenClient tokens = new TeamsTokenClient(properties.tokenUrl(), properties.appId(), properties.appPassword(),
                Duration.ofSeconds(5), Clock.systemUTC());
        return new TeamsConnectorFactory(new TeamsConnectorApi(new TeamsAppCredentials(properties.appId(), tokens), properties),
                tokens, new TeamsMessageRenderer());
    }

    @BeforeEach
    void freshPlatform() {
        bf.reset();
    }

    @Override
    protected ChannelConnectorFactory factory() {
        return factory;
    }

    @Override
    protected ChannelSettings validSettings() {
        return new ChannelSettings(Map.of(TeamsConnectorFactory.TEAMS_TENANT_ID, TeamsHub.TEAMS_TENANT_ID,
                TeamsConnectorFactory.ESCALATION_CONVERSATION_ID, ESCALATION));
    }

    /** As the endpoint stores a channel mention: the reply chain and the reply context of the translator. */
    @Override
    protected ConversationRef conversation() {
        return new ConversationRef(new ConversationId("conv-contract"), new TenantId("acme"), ChannelType.TEAMS,
                CONVERSATION, new UserRef("5e1d2c3b-4a59-4687-9a0b-1c2d3e4f5061", "Morgan Lee", null),
                Map.of(TeamsReplyContext.SERVICE_URL, bf.serviceUrl(), TeamsReplyContext.CONVERSATION_ID, CONVERSATION,
                        TeamsReplyContext.ACTIVITY_ID, "1764411500123", TeamsReplyContext.CONVERSATION_TYPE, "channel",
                        TeamsReplyContext.TEAMS_TENANT_ID, TeamsHub.TEAMS_TENANT_ID, TeamsReplyContext.USER_ID, "29:1morgan"));
    }

    /** Every activity the bot posted, as JSON. */
    @Override
    protected List<String> platformPosts() {
        return bf.posts("/amer/v3/conversations/").stream().map(FakeBotFramework.ConnectorCall::body).toList();
    }

    @Override
    protected List<String> feedbackControlMarkers() {
        return List.of("{\"hubAction\":\"resolved\"}", "{\"hubAction\":\"handoff\"}");
    }

    @Override
    protected void platformRateLimitsNextCall(Duration retryAfter) {
        bf.scriptNext(429, Map.of("Retry-After", Long.toString(retryAfter.toSeconds())),
                "{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"Too many requests\"}}");
    }

    @Override
    protected void platformRejectsNextCallAsUnauthorized() {
        bf.scriptNext(401, Map.of(), "{\"message\":\"Authorization has been denied for this request.\"}");
    }

    @Test
    void postsAReportAsAnAdaptiveCardToAConversationThroughTheConfiguredServiceUrl() {
        Report digest = new Report("Weekly digest for Acme", "36 conversations.", List.of(
                new Report.Section("Numbers", List.of(new Report.Fact("Resolutions", "26")), List.of()),
                new Report.Section("Content gaps", List.of(), List.of("10 people asked <at>Morgan</at> about api, key, rotate"))));

        connector().post("19:digest@thread.tacv2", digest);

        FakeBotFramework.ConnectorCall post = bf.posts("/amer/v3/conversations/19:digest@thread.tacv2/activities").getFirst();
        assertThat(post.path()).isEqualTo("/amer/v3/conversations/19:digest@thread.tacv2/activities");
        assertThat(post.body()).contains(TeamsMessageRenderer.ADAPTIVE_CARD).contains("\"type\":\"FactSet\"")
                .contains("\"title\":\"Resolutions\"").contains("Weekly digest for Acme")
                .contains("about api, key, rotate").doesNotContain("<at>Morgan");
    }

    @Test
    void repliesToTheActivityInItsReplyChainWithTheBotsTokenAndAnAdaptiveCard() throws Exception {
        connector().send(new OutboundMessage(conversation(), Answer.answer(ANSWER_TEXT, 0.9, List.of(CITATION)), true));

        FakeBotFramework.ConnectorCall reply = bf.posts("/amer/").getFirst();
        assertThat(reply.path()).isEqualTo("/amer/v3/conversations/" + CONVERSATION + "/activities/1764411500123");
        assertThat(reply.authorization()).isEqualTo("Bearer fake-outbound-token-1");
        JsonNode activity = JSON.readTree(reply.body());
        assertThat(activity.path("type").asText()).isEqualTo("message");
        assertThat(activity.path("text").asText()).contains(ANSWER_TEXT, "**Sources**",
                "[Resetting your password](https://help.example.com/articles/reset-password)");
        JsonNode card = activity.path("attachments").get(0);
        assertThat(card.path("contentType").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
        assertThat(card.path("content").path("actions")).extracting(a -> a.path("type").asText() + " " + a.path("data").toString())
                .containsExactly("Action.Submit {\"hubAction\":\"resolved\"}", "Action.Submit {\"hubAction\":\"handoff\"}");
        assertThat(bf.tokenCalls()).singleElement().satisfies(call -> {
            assertThat(call.path()).isEqualTo("/token/botframework.com/oauth2/v2.0/token");
            assertThat(call.form()).containsEntry("grant_type", "client_credentials")
                    .containsEntry("client_id", TeamsHub.APP_ID).containsEntry("client_secret", TeamsHub.APP_PASSWORD)
                    .containsEntry("scope", "https://api.botframework.com/.default");
        });
    }

    @Test
    void reusesTheOutboundTokenAcrossReplies() {
        for (int i = 0; i < 3; i++) {
            connector().send(new OutboundMessage(conversation(), Answer.answer(ANSWER_TEXT, 0.9, List.of()), true));
        }

        assertThat(bf.tokenCalls()).hasSize(1);
        assertThat(bf.posts("/amer/")).hasSize(3).allSatisfy(p -> assertThat(p.authorization()).isEqualTo("Bearer fake-outbound-token-1"));
    }

    @Test
    void retriesAShortRateLimitInsideTheConnector() {
        platformRateLimitsNextCall(Duration.ofSeconds(1));

        connector().send(new OutboundMessage(conversation(), Answer.answer(ANSWER_TEXT, 0.9, List.of()), true));

        assertThat(bf.posts("/amer/")).hasSize(2);
    }

    @Test
    void handOffTellsTheEscalationChannelWithALinkToTheThreadAndNamesTheRequesterByEmail() {
        connector().handOff(new HandoffRequest(transcript(), HandoffReason.LOW_CONFIDENCE, desk,
                "A person will follow up (ticket {ticket})."));

        FakeBotFramework.ConnectorCall escalation = bf.posts("/amer/v3/conversations/" + ESCALATION + "/activities").getFirst();
        assertThat(escalation.path()).isEqualTo("/amer/v3/conversations/" + ESCALATION + "/activities");
        assertThat(escalation.body()).contains("low_confidence", "#HUB-42",
                "https://teams.microsoft.com/l/message/19%3Ad4b1f0c2e8a54b3e9f6a7c8d9e0f1a2b%40thread.tacv2/1764411500123");
        assertThat(desk.opened()).singleElement().satisfies(view ->
                assertThat(view.ref().user().email()).isEqualTo("morgan@example.com"));
        assertThat(bf.posts("/amer/v3/conversations/" + CONVERSATION + "/activities/1764411500123").getLast().body())
                .contains("A person will follow up (ticket #HUB-42).");
    }

    @Test
    void verifyRefusesATenantIdThatIsNotAGuidAndAcceptsWorkingCredentials() {
        assertThat(factory.verify(new ChannelSettings(Map.of(TeamsConnectorFactory.TEAMS_TENANT_ID, "contoso"))).detail())
                .contains("teamsTenantId", "GUID");
        assertThat(factory.verify(validSettings()).ok()).isTrue();
    }

    @Test
    void verifyReportsCredentialsTheTokenEndpointRefuses() {
        bf.scriptNextToken(401, "{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid client secret provided.\"}");

        assertThat(factory.verify(validSettings()).detail()).contains("invalid_client", "AADSTS7000215");
    }
}
