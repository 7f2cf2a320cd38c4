package io.resolvehub.core.internal.web;

import io.resolvehub.core.ChannelType;
import io.resolvehub.core.ConversationId;
import io.resolvehub.core.InboundKind;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.UserRef;
import io.resolvehub.core.inbound.InboundEndpoint;
import io.resolvehub.core.inbound.InboundRequest;
import io.resolvehub.core.testing.InboundEndpointContract;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/** The web channel passes the inbound contract every platform passes, through the same door. */
class WebInboundContractTest extends InboundEndpointContract {

    private static final TenantId ACME = new TenantId("acme");
    private static final ConversationId DANAS = new ConversationId("c-dana");

    @Override
    protected InboundEndpoint<?> endpoint() {
        return new WebEndpoint((tenant, id) -> tenant.equals(ACME) && id.equals(DANAS)
                ? Optional.of(new WebEndpoint.WebThread(DANAS.value(), new UserRef("dana", "dana", null)))
                : Optional.empty(), Clock.systemUTC());
    }

    @Override
    protected ChannelType channel() {
        return ChannelType.WEB;
    }

    @Override
    protected TenantId tenant() {
        return ACME;
    }

    @Override
    protected int forgeryStatus() {
        return 404;
    }

    private static InboundRequest message(TenantId tenant, ConversationId conversation, String text) {
        return WebEndpoint.request(new WebEndpoint.WebDelivery(tenant, "web-" + UUID.randomUUID(), conversation,
                InboundKind.MESSAGE, text));
    }

    @Override
    protected InboundRequest authenticMessage() {
        return message(ACME, DANAS, "How do I export?");
    }

    @Override
    protected InboundRequest authenticMessageSaying(String question) {
        return message(ACME, DANAS, question);
    }

    /** Another tenant naming acme's conversation. */
    @Override
    protected InboundRequest forgedMessage() {
        return message(new TenantId("globex"), DANAS, "How do I export?");
    }

    @Override
    protected InboundRequest signedGarbage() {
        return new InboundRequest("acme", h -> null, "{\"text\":\"hi\"}".getBytes(StandardCharsets.UTF_8));
    }

    @Override
    protected InboundRequest messageFromAnUnconnectedAccount() {
        return message(ACME, new ConversationId("nobody-started-this"), "hi");
    }

    @Override
    protected InboundRequest deliveryNotForTheHub() {
        return message(ACME, DANAS, "  ");
    }
}
