package io.resolvehub.zendesk;

import io.resolvehub.core.channel.ChannelSettings;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Shared test values: tenant settings against a fake Zendesk, and signed webhook headers. */
final class ZendeskFixtures {

    static final String WEBHOOK_SECRET = "dGhpc19zZWNyZXRfaXNfZm9yX3Rlc3Rpbmdfb25seQ==";
    static final long REQUESTER = 20978392L;
    static final long HUMAN_AGENT = 700001L;
    static final long BOT_USER = 800001L;
    static final long HANDOFF_GROUP = 360001234L;

    private ZendeskFixtures() {
    }

    static ChannelSettings settings(FakeZendeskApi zendesk) {
        return new ChannelSettings(Map.of("url", zendesk.url(), "email", "bot@acme.example", "apiToken", "zd-token",
                "webhookSecret", WEBHOOK_SECRET, "handoffGroupId", Long.toString(HANDOFF_GROUP),
                "botUserId", Long.toString(BOT_USER)));
    }

    /** A Zendesk account with the requester, a human agent and the bot user the AI writes as. */
    static void people(FakeZendeskApi zendesk) {
        zendesk.addUser(REQUESTER, "Jane Customer", "jane@example.com", "end-user");
        zendesk.addUser(HUMAN_AGENT, "Alex Agent", "alex@acme.example", "agent");
        zendesk.addUser(BOT_USER, "Acme Assistant", "assistant@acme.example", "agent");
    }

    static String body(long ticketId) {
        return FakeZendeskApi.sample("webhook/ticket_event.json").replace("35436", Long.toString(ticketId));
    }

    /** The headers Zendesk sends: signed now with {@code secret}. */
    static Map<String, String> signedHeaders(String secret, String body, String invocationId, Instant at) {
        String timestamp = at.toString();
        Map<String, String> headers = new HashMap<>();
        headers.put(ZendeskWebhook.TIMESTAMP, timestamp);
        headers.put(ZendeskWebhook.SIGNATURE,
                ZendeskWebhookSignature.sign(secret, timestamp, body.getBytes(StandardCharsets.UTF_8)));
        headers.put(ZendeskWebhook.INVOCATION_ID, invocationId);
        headers.put("Content-Type", "application/json");
        return headers;
    }
}
