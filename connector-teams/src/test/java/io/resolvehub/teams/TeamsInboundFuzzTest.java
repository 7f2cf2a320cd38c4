package io.resolvehub.teams;

import io.resolvehub.core.ChannelType;
import io.resolvehub.core.channel.ChannelSettings;
import io.resolvehub.core.inbound.InboundEndpoint;
import io.resolvehub.core.inbound.InboundRequest;
import io.resolvehub.core.testing.InMemoryChannelAccounts;
import io.resolvehub.core.testing.InboundFuzzContract;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** {@code POST /teams/messages} fuzzed: recorded activities, mostly with a Bot Framework token the fake issuer signed. */
class TeamsInboundFuzzTest extends InboundFuzzContract {

    private final FakeBotFramework bf = TeamsHub.shared().botFramework;
    private final String token = bf.token(TeamsHub.APP_ID, bf.serviceUrl());

    @Override
    protected String surface() {
        return "teams-messages";
    }

    @Override
    protected InboundEndpoint<?> endpoint() {
        InMemoryChannelAccounts accounts = new InMemoryChannelAccounts();
        accounts.save(TeamsHub.TENANT, ChannelType.TEAMS, TeamsHub.TEAMS_TENANT_ID, new ChannelSettings(Map.of(
                TeamsConnectorFactory.TEAMS_TENANT_ID, TeamsHub.TEAMS_TENANT_ID)));
        return new TeamsEndpoint(new TeamsRequestAuthenticator(TeamsHub.APP_ID, bf.openIdMetadataUrl(),
                Duration.ofSeconds(5)), accounts, new TeamsActivityTranslator());
    }

    @Override
    protected List<String> seeds() {
        return List.of(TeamsHub.activity("personal_message", bf), TeamsHub.activity("channel_mention", bf),
                TeamsHub.activity("card_submit", bf).replace("${hubAction}", "resolved"),
                TeamsHub.activity("conversation_update_bot_added", bf));
    }

    @Override
    protected InboundRequest request(byte[] body, boolean signed) {
        String authorization = signed ? token : "Bearer not-a-token";
        return new InboundRequest("", name -> name.equalsIgnoreCase("Authorization") ? authorization : null, body);
    }

    @Override
    protected InboundRequest authentic() {
        return request(TeamsHub.activity("personal_message", bf).replace("1764411303659", "1764411309999")
                .getBytes(StandardCharsets.UTF_8), true);
    }
}
