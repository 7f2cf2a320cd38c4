package io.resolvehub.teams;

import io.resolvehub.core.ChannelType;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.channel.ChannelSettings;
import io.resolvehub.core.inbound.InboundEndpoint;
import io.resolvehub.core.inbound.InboundRequest;
import io.resolvehub.core.testing.InMemoryChannelAccounts;
import io.resolvehub.core.testing.InboundEndpointContract;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Core's inbound contract for {@code POST /teams/messages}: recorded activities with Bot Framework-signed tokens. */
class TeamsInboundContractTest extends InboundEndpointContract {

    private static final AtomicLong activityIds = new AtomicLong(1764411303659L);
    private final FakeBotFramework bf = TeamsHub.shared().botFramework;
    private final InMemoryChannelAccounts accounts = new InMemoryChannelAccounts();

    @Override
    protected InboundEndpoint<?> endpoint() {
        accounts.save(TeamsHub.TENANT, ChannelType.TEAMS, TeamsHub.TEAMS_TENANT_ID, new ChannelSettings(Map.of(
                TeamsConnectorFactory.TEAMS_TENANT_ID, TeamsHub.TEAMS_TENANT_ID)));
        return new TeamsEndpoint(new TeamsRequestAuthenticator(TeamsHub.APP_ID, bf.openIdMetadataUrl(),
                Duration.ofSeconds(5)), accounts, new TeamsActivityTranslator());
    }

    @Override
    protected ChannelType channel() {
        return ChannelType.TEAMS;
    }

    @Override
    protected TenantId tenant() {
        return TeamsHub.TENANT;
    }

    private static String withNewId(String activity) {
        return activity.replace("1764411303659", Long.toString(activityIds.incrementAndGet()));
    }

    private InboundRequest post(String json, String authorization) {
        return new InboundRequest("", name -> name.equalsIgnoreCase("Authorization") ? authorization : null,
                json.getBytes(StandardCharsets.UTF_8));
    }

    private String token() {
        return bf.token(TeamsHub.APP_ID, bf.serviceUrl());
    }

    @Override
    protected InboundRequest authenticMessage() {
        return post(withNewId(TeamsHub.activity("personal_message", bf)), token());
    }

    @Override
    protected InboundRequest authenticMessageSaying(String question) {
        return post(withNewId(TeamsHub.activity("personal_message", bf))
                .replace("\"text\": \"How do I reset my password?\"", "\"text\": " + jsonString(question)), token());
    }

    @Override
    protected InboundRequest forgedMessage() {
        return post(withNewId(TeamsHub.activity("personal_message", bf)),
                bf.token(TeamsHub.APP_ID, bf.serviceUrl(), FakeBotFramework.ISSUER,
                        java.time.Instant.now().plusSeconds(3600), true));
    }

    @Override
    protected InboundRequest signedGarbage() {
        return post("{\"hello\":", token());
    }

    @Override
    protected InboundRequest messageFromAnUnconnectedAccount() {
        return post(withNewId(TeamsHub.activity("personal_message", bf))
                .replace(TeamsHub.TEAMS_TENANT_ID, "0e5d6c7b-1111-4222-8333-944455556666"), token());
    }

    @Override
    protected InboundRequest deliveryNotForTheHub() {
        return post(TeamsHub.activity("channel_message_without_mention", bf), token());
    }
}
