package io.resolvehub.core.internal.web;

import io.resolvehub.core.ChannelType;
import io.resolvehub.core.ConversationId;
import io.resolvehub.core.InboundKind;
import io.resolvehub.core.InboundMessage;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.UserRef;
import io.resolvehub.core.inbound.InboundEndpoint;
import io.resolvehub.core.inbound.InboundOutcome;
import io.resolvehub.core.inbound.InboundRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * The built-in web channel's front door, on the same inbound kit as every platform. Its deliveries come from the
 * hub's own REST API (already signed in): {@link WebDelivery#request} names the message, the path names the tenant and
 * the body the conversation. A conversation that is not the tenant's web conversation is refused as not found, so a
 * caller learns nothing about other tenants' conversations.
 */
final class WebEndpoint implements InboundEndpoint<WebEndpoint.WebDelivery> {

    /** The REST call as the kit carries it: {@code {"request","conversation","kind","text"}} for tenant {@code tenant}. */
    record WebDelivery(TenantId tenant, String request, ConversationId conversation, InboundKind kind, String text) {
    }

    /** A web conversation's thread, as the intake needs it. */
    record WebThread(String key, UserRef user) {
    }

    /** Finds the tenant's web conversation; empty when it is not one. */
    @FunctionalInterface
    interface WebThreads {
        Optional<WebThread> find(TenantId tenant, ConversationId conversation);
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebThreads threads;
    private final Clock clock;

    WebEndpoint(WebThreads threads, Clock clock) {
        this.threads = threads;
        this.clock = clock;
    }

    /** The delivery as {@link #verify} reads it. */
    static InboundRequest request(WebDelivery d) {
        String body = JSON.writeValueAsString(Map.of("request", d.request(), "conversation", d.conversation().value(),
                "kind", d.kind().name(), "text", d.text()));
        return new InboundRequest(d.tenant().value(), header -> null, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public String name() {
        return "Web message";
    }

    @Override
    public Verified<WebDelivery> verify(InboundRequest request) {
        JsonNode body;
        try {
            body = JSON.readTree(request.body());
        } catch (JacksonException e) {
            return Verified.refused(InboundOutcome.rejected(400, "the body is not JSON"));
        }
        String id = text(body, "request");
        String conversation = text(body, "conversation");
        String kind = text(body, "kind");
        if (request.pathInfo().isBlank() || id == null || conversation == null || kind == null
                || !body.path("text").isString()) {
            return Verified.refused(InboundOutcome.rejected(400,
                    "a web message names its tenant, request, conversation, kind and text"));
        }
        InboundKind parsed;
        try {
            parsed = InboundKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            return Verified.refused(InboundOutcome.rejected(400, "'" + kind + "' is not a kind of web message"));
        }
        return Verified.authentic(new WebDelivery(new TenantId(request.pathInfo()), id, new ConversationId(conversation),
                parsed, body.path("text").stringValue()));
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value != null && value.isString() && !value.stringValue().isBlank() ? value.stringValue() : null;
    }

    @Override
    public Optional<TenantId> tenant(WebDelivery delivery) {
        return Optional.of(delivery.tenant());
    }

    @Override
    public Optional<InboundMessage> translate(TenantId tenant, WebDelivery d) {
        WebThread thread = threads.find(tenant, d.conversation()).orElseThrow(() -> new Ended(
                InboundOutcome.rejected(404, "tenant " + tenant + " has no web conversation " + d.conversation()),
                "no such web conversation"));
        if (d.kind() == InboundKind.MESSAGE && d.text().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new InboundMessage(tenant, ChannelType.WEB, d.request(), thread.key(), d.kind(), d.text(),
                thread.user(), Map.of(), clock.instant()));
    }
}
